"""完整性: the sheet has what a 绩效目标表 must have (财预〔2015〕88号 审核内容之一)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from jixiao.model import Framework, GoalSheet, Indicator, Severity, parse_target
from jixiao.model.lexicon import TEXT_MEMO, fold, load
from jixiao.review.context import GUESSED_BELOW, RowSetAside, SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix
from jixiao.review.lexicon import SYMBOL_ONLY, names_deadline, unit_without_value, vague_tail
from jixiao.review.rule import COLUMNS, Rule, RuleDocs
from jixiao.review.sources import CORE_2021, GOALS_2015

# A header cell that is an amount (854万(高标准农田建设400万元…), (一)财政拨款小计 6.30, 189.8万): a label of at most a
# few characters, then a figure ending the cell or followed by 万/元. An enumerated text (1、用于…) is not.
_AMOUNT = re.compile(r"^[^\d]{0,12}?\d+(\.\d+)?\s*(万元|万|元|$|[(（])")


def _budget(sheet: GoalSheet) -> object:
    """The budget the header gives: the total, else its 财政拨款 (a blank total beside its parts, corpus 147), else a
    self-evaluation's 全年预算数 or 年初预算数, else an amount that stands in the cell read as 资金用途 (the budget row's
    figure placed one cell off, corpus 105, 152)."""
    if sheet.budget.total is not None:
        return sheet.budget.total
    if sheet.budget.fiscal is not None:
        return sheet.budget.fiscal
    report = sheet.evaluation  # a self-evaluation gives its budget in the money table (年初预算数, 全年预算数)
    if report is not None and (report.budget_full is not None or report.budget_initial is not None):
        return report.budget_full if report.budget_full is not None else report.budget_initial
    return sheet.purpose if sheet.purpose and _AMOUNT.match(fold(sheet.purpose)) else None


# How each header field is read from the model, and its name in the table.
_HEADER_FIELDS = {
    "code": ("项目编码", lambda s: s.code),
    "name": ("项目名称", lambda s: s.name),
    "budget.total": ("预算数", _budget),
    "purpose": ("资金用途", lambda s: s.purpose),
    "spend_plan": ("资金支出计划", lambda s: s.spend_plan),
}


# Header fields the model keeps no value of: blank where the form prints the label and leaves the cell beside it empty
# (GoalSheet.blank_fields), never where the form has no such label. Reviewers ask for the 主管部门 and the 立项依据
# (a warning: corpus 011, 133, 146, 200) and note a missing contact, 主管部门编码 or, where the form asks for it, the
# budget of the project of the same name the year before as a remark (info: 172, 187; 005; 280).
_BLANK_FIELDS = {
    "department": ("主管部门", Severity.WARNING),
    "department_code": ("主管部门编码", Severity.INFO),
    "basis": ("项目立项依据", Severity.WARNING),
    "leader": ("项目负责人", Severity.INFO),
    "contact": ("联系电话", Severity.INFO),
    "previous_budget": ("同名项目上年预算额", Severity.INFO),
}


class MissingHeaderField(Rule):
    code = "JX101"
    name = "missing-header-field"
    title = "表头信息缺失"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第十三条（绩效目标申报内容）")
    message = "项目“{sheet}”缺少“{field}”"
    message_blank = "项目“{sheet}”缺少“{field}”（表上有此栏，没有填写）"
    terms = frozenset(label for label, _ in (*_HEADER_FIELDS.values(), *_BLANK_FIELDS.values()))
    defaults = {"fields": ["code", "name", "budget.total", "purpose", "spend_plan", "department", "department_code",
                           "basis", "leader", "contact", "previous_budget"]}
    docs = RuleDocs(
        what="项目编码、项目名称、预算数、资金用途、资金支出计划等表头信息是否填写（预算总额空着而填了财政拨款的，预算已"
        "给出）。只检查该表样有并要求填写的字段（表样见 jixiao/review/data/forms/，由表头识别或用 --form 指定）；"
        "审核方案的 fields 参数可再缩小范围。自评表的预算数见其资金表（全年预算数、年初预算数）；文件从表格中间开始、表头"
        "不在文件中的不检查。缺项目名称为错误，读取程序推测版式的（有的行三级指标栏只是一个数字）或各列按内容推断的（读取程序对"
        "每一行都报告 P111：表头没有读到，项目名称可能随表头丢失或未能归入该栏）为警告；项目名称与另外两项以上表头栏目一并"
        "读作空白的（预算单位、项目名称、预算数各占一行，值在下面一行，读取程序未能配对）也为警告。"
        "主管部门、主管部门编码、立项依据、项目负责人、联系电话、同名项目上年预算额只在表上印有该栏而旁边的格子空着时报告"
        "（没有该栏的表样不报告）：主管部门、立项依据空着为警告，主管部门编码、负责人、联系电话、同名项目上年预算额空着为提示。"
        "部门整体支出绩效目标表（标题有“整体”）是单位的全部预算，没有项目，不要求项目名称（语料 333、342、344）。",
        why="缺少这些信息，审核人无法把目标表与预算项目对应起来，也无法判断目标与资金是否匹配。",
        bad="项目名称：（空）\n预算数：（空）",
        good="项目名称：乡镇维稳经费\n预算数：15.00（万元）",
        fix="补填缺少的表头信息，与预算申报中的项目一致。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if ctx.headless:
            return  # a copy starting inside the table (corpus 158, 213) has no header: its fields are not in the file
        for key in self.param(ctx, "fields"):
            if key in _BLANK_FIELDS:
                label, severity = _BLANK_FIELDS[key]
                if label in ctx.sheet.blank_fields:
                    yield self.finding(ctx, column=label, field=label, severity=severity,
                                       template=self.message_blank)
                continue
            label, read = _HEADER_FIELDS[key]
            if not ctx.form.requires(label, ctx.sheet):
                continue  # a field the form does not have is not a mistake of the table
            if key == "name" and ctx.department_wide:
                continue  # a 部门整体 table is the unit's whole budget: the unit names it, there is no project
            value = read(ctx.sheet)
            if value is None or value == "" or value == []:
                # Without a name the sheet cannot be matched to a budget project; other blanks are fixed by agreement. Where
                # the reader guessed the layout, the name may stand in the text unplaced (corpus 208: before its label),
                # or have been lost with a header it inferred.
                guessed = ctx.rows_guessed or ctx.header_inferred or _labels_unpaired(ctx, label)
                severity = None if key == "name" and not guessed else Severity.WARNING
                # the name's doubt is said beside its message (（版式推测）): the reviewer checks the original for it
                confidence = Confidence.GUESSED_LAYOUT if key == "name" and guessed else Confidence.HIGH
                yield self.finding(ctx, column=label, field=label, severity=severity, confidence=confidence)


# The header fields read blank together beyond which a blank name is more likely the reader's than the table's.
_BLANKS_TOGETHER = 3


def _labels_unpaired(ctx: SheetContext, label: str) -> bool:
    """True when the field's label was read with nothing beside it together with two other header labels or more
    (预算单位, 项目名称, 预算数, each on a line of its own): a row of labels whose values stand in a row below that the
    reader did not pair with them, so the value may stand in the text unplaced (a header never filled in is JX109's)."""
    blanks = ctx.sheet.blank_fields
    return label in blanks and len(blanks) >= _BLANKS_TOGETHER


class NoIndicators(Rule):
    code = "JX102"
    name = "no-indicators"
    title = "没有绩效指标"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "项目“{sheet}”没有任何绩效指标"
    # a framework's score sheet: its rows named, or its parts said in general; either cut before the 绩效 part
    message_framework = "项目“{sheet}”没有任何绩效指标，只有评价体系的框架行（{rows}）"
    message_framework_unnamed = "项目“{sheet}”没有任何绩效指标，只有评价体系的框架行（项目决策、项目管理等，只有分值和得分）"
    _CUT = "；文件在评价体系的绩效部分之前截断，指标可能在截断之后"
    message_framework_cut = message_framework + _CUT
    message_framework_unnamed_cut = message_framework_unnamed + _CUT
    message_year_blank = "项目“{sheet}”的年度指标栏没有填写三级指标和指标值，指标只填在中长期栏（已按中长期栏审核）"
    message_set_aside = "项目“{sheet}”没有任何绩效指标（读取时另有未读作指标的文字“{cells}”，表格可能在指标行之前截断，请按原表核对）"
    docs = RuleDocs(
        what="目标表是否至少有一行绩效指标。读取程序报告没有找到指标表头的（表格未能读取，或文件在表头之前截断，见 JX001），"
        "不在此报告；表头在分页处重印、读取程序在那里另起一张没有标题、项目名称和编码的表的，指标在那张表里，同样不在此报告；"
        "表中只有读取程序放在一边、没有一个数值的文字（转载在指标行之前截断留下的残字）的，只是警告。自评表只有评价体系的框架行（决策依据、分配办法、资金到位、组织实施……），没有一行带指标值的绩效指标的，"
        "同样没有绩效指标；读取程序把整张表认作这样的评分表（只有分值、得分列，没有指标值列）的也是。文件在评价体系的"
        "绩效部分（项目绩效、产出、效益）之前截断的，指标可能在截断之后，为警告；文件在指标表头处截断、表头之后一行也没有的，"
        "指标都在截断之后，不在此报告（读取时的 JX001 说明截断）。中长期与年度两组指标并列、年度一组没有填写三级指标和指标值的，"
        "当年没有绩效指标，同样报告（中长期一组照常审核）。",
        why="绩效目标要用绩效指标细化、量化；没有指标的目标表无法审核，也无法在年底自评。",
        bad="绩效目标：全乡18个行政村矛盾纠纷排查全覆盖\n绩效指标：（空）",
        good="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个",
        fix="按产出、效益、满意度三类补充绩效指标。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A score sheet of framework items (决策依据 | 资金到位 | 组织实施, corpus 172) rates how the project was run; with no
        # row setting a target, there is no performance indicator to score. The reader may have set the whole table
        # aside as such (its rows are then in the reader's JX001, not among the indicators).
        if ctx.framework_only:
            listed = "、".join(dict.fromkeys(i.name for i in ctx.sheet.indicators if not ctx.unfinished(i)))
            # Cut before the framework's 绩效 part, the indicators may follow the cut: a remark, not a return.
            cut = ctx.framework_cut_before_results
            template = (self.message_framework_cut if cut else self.message_framework) if listed else \
                (self.message_framework_unnamed_cut if cut else self.message_framework_unnamed)
            yield self.finding(ctx, template=template, severity=Severity.WARNING if cut else None,
                               **({"rows": listed} if listed else {}))
        elif ctx.year_set_blank:
            yield self.finding(ctx, template=self.message_year_blank)
        elif not ctx.sheet.indicators and not ctx.grid_not_found and not ctx.grid_goes_on:
            # (a copy cut before its first row is a grid not found: the reader says so with P126; a grid whose heading
            # row is printed again after a page break goes on in the sheet the reader opened there)
            if ctx.set_aside_cells and not ctx.figures_set_aside:
                # Rows the reader set aside without any figure (a fragment a copy ends on: 未完成原, corpus 244 one cell
                # a line) are no grid whose values are missing, but a reading that found no row: not a return.
                cells = "、".join(dict.fromkeys(ctx.set_aside_cells))
                yield self.finding(ctx, severity=Severity.WARNING, template=self.message_set_aside, cells=cells)
            else:
                yield self.finding(ctx)


class MissingLevel1(Rule):
    code = "JX103"
    name = "missing-level1-category"
    title = "缺少一级指标类别"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "项目“{sheet}”没有“{level1}”类指标"
    defaults = {"required": ["产出指标", "效益指标", "满意度指标"]}
    docs = RuleDocs(
        what="产出指标、效益指标、满意度指标是否都有（2021年起框架下成本指标另由 JX105 检查）。二级指标表明了类别的行"
        "（一级指标栏空着或放错，由 JX501 报告）也算有；满意度不论放在哪里都只算满意度指标，效益指标下只有满意度的，"
        "等于没有效益指标。自评表、监控表是对已批复目标的报告，不因缺满意度指标报告，缺产出或效益指标也只是警告。"
        "读取程序推测了版式的（文字稿、没有表格线的转载），缺少的类别可能随版式丢失或被文件截断，也只是警告。"
        "有填了指标值的行一级、二级都没有读到（转载时合并单元格丢失）的，或读取程序把带数值的行放在一边、没有读作指标的，"
        "这些行可能就是看似缺少的类别，不在此报告；"
        "一行指标值也没有读到的（表头的一行被当作指标行），看不出有哪些类别，也不在此报告（空着的指标值由 JX107 报告）。"
        "用自有层级框架的表（2018年以前的投入目标、管理目标、产出目标、效果目标，从表样或一级指标名称识别）按该框架检查："
        "没有产出目标的报告；评价指标体系框架（决策、过程、产出、效益）不设目标，不在此检查。",
        why="绩效目标要同时反映产出、效果和服务对象满意程度，缺一类就说不清钱花出去得到了什么。",
        bad="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个\n效益指标 | 社会效益指标 | 受援群众投诉率 | ≤5%\n（没有满意度指标）",
        good="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个\n效益指标 | 社会效益指标 | 受援群众投诉率 | ≤5%\n"
        "满意度指标 | 服务对象满意度指标 | 接受调解群众满意度 | ≥90%",
        fix="补充缺少类别的指标；确实不适用的，说明理由。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sheet.indicators or ctx.framework_only or ctx.unplaced_rows or ctx.values_unread \
                or ctx.figures_set_aside:
            return  # JX102 reports the empty grid once; a row whose level was not read may be the category that looks
            # missing, and so may a row the reader set aside with its figure; nor rows without any value
        if ctx.levels is not None:
            yield from self._own_levels(ctx)
            return
        if not ctx.standard_structure:
            return  # a grid without level columns (only 三级指标) or a form with its own levels but no framework data
        required = ctx.form.required_level1
        for level1 in self.param(ctx, "required") if required is None else required:
            if level1 == "满意度指标" and not ctx.sets_goals:
                continue  # a report on approved goals is not returned for the goals' missing survey
            if level1 not in ctx.present_levels and not ctx.cut_off(level1):  # rows after the cut are not missing
                # A report on approved goals is not returned for the goals' structure (corpus 015): the gap is noted.
                # Where the reader guessed the layout (prose, a copy without a grid), the rows of the category may
                # have been lost with the layout or cut off unnoticed by the file's end (corpus 221, 223): noted too.
                guessed = ctx.rows_guessed
                severity = Severity.WARNING if level1 == "满意度指标" or not ctx.sets_goals or guessed else None
                yield self.finding(ctx, column="level1", level1=level1, severity=severity)

    def _own_levels(self, ctx: SheetContext) -> Iterator[Finding]:
        # A sheet in a framework of its own (投入/管理/产出目标) is held to that framework's levels, not 产出/效益/满意度.
        framework = ctx.levels
        present = {framework.level1_named(i.level1_raw) for i in ctx.sheet.indicators
                   if i.name.strip() or not i.target.is_empty}
        for level1 in framework.required_level1:
            if level1 not in present and not ctx.cut_off(level1):  # (a level of its own has no place: cut means unknown)
                severity = Severity.WARNING if not ctx.sets_goals or ctx.rows_guessed else None
                yield self.finding(ctx, column="level1", level1=level1, severity=severity)


class MissingOutputLevel2(Rule):
    code = "JX104"
    name = "missing-output-subcategory"
    title = "产出指标缺少数量、质量或时效"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "项目“{sheet}”的产出指标中没有“{level2}”"
    defaults = {"required": ["数量指标", "质量指标", "时效指标"]}
    docs = RuleDocs(
        what="产出指标下是否有数量指标、质量指标和时效指标。自评表、监控表是对已批复目标的报告，只检查有没有数量指标。"
        "其他产出指标已写明数量（质量指标下的“文物安全巡查 416处”、没有二级指标的“巡查频次 8次”）的，数量已有，不报告"
        "缺数量指标。目标表没有数量指标、也没有计数的产出指标，年度目标又没有写或只写了保障在职、离退休人员多少人的，"
        "全表说不出产出多少，为错误，应退回（各行是读取程序推测版式放置的，计数可能在没有放对的单元格里，仍为警告）。"
        "表样自有二级要求的（发展改革委中央预算内投资计划表的产出指标下不分二级），按表样检查。有填了指标值的行一级、"
        "二级都没有读到（转载时合并单元格丢失）的，或读取程序把带数值的行放在一边、没有读作指标的，这些行可能就是看似缺少的"
        "二级指标，不在此报告；一行指标值也没有读到的，"
        "同样不在此报告。用自有层级框架的表（投入目标、管理目标、产出目标、效果目标；决策、过程、产出、效益）不分数量、质量、"
        "时效必填，不在此检查。",
        why="产出要说清做多少、做到什么程度、什么时候完成；缺少时效指标，年中监控和年底自评都无从比对进度。",
        bad="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个\n产出指标 | 质量指标 | 矛盾纠纷调解成功率 | ≥90%\n（没有时效指标）",
        good="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个\n产出指标 | 质量指标 | 矛盾纠纷调解成功率 | ≥90%\n"
        "产出指标 | 时效指标 | 矛盾纠纷调处时限 | ≤15工作日",
        fix="补充缺少的二级指标，时效指标应写明完成时限或及时率。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sheet.indicators or not ctx.standard_structure or ctx.framework_only or ctx.unplaced_rows \
                or ctx.values_unread or ctx.figures_set_aside:
            return  # a row whose level was not read (corpus 178), or that the reader set aside with its figure, may be
            # the group that looks missing; rows without any value place no indicator (SheetContext.values_unread)
        required = ctx.form.required_level2
        for level2 in self.param(ctx, "required") if required is None else required:
            if not ctx.sets_goals and level2 != "数量指标":
                continue  # a report on approved goals is returned only when it cannot show how much was produced
            if level2 == "数量指标" and ctx.counts_output:
                continue  # counts filed under another 产出 heading (1处, 416处 under 质量指标, corpus 137) state the amount
            if level2 not in ctx.present_levels and not ctx.cut_off("产出指标", level2):
                # Without a 数量指标, a counting row or a goal statement that counts, the sheet states no amount of
                # output; nor where the goal's only figures are the staff it keeps (corpus 114). The reviewer returns
                # the sheet for the missing group (corpus 341: 来信业务工作保障, no count anywhere), and the vague goal
                # beside it (JX911) is then a remark, not a second ground.
                nowhere = level2 == "数量指标" and ctx.sets_goals and not ctx.rows_guessed and not ctx.goal_counts_output
                yield self.finding(ctx, column="level2", level2=level2, severity=Severity.ERROR if nowhere else None)


class MissingCostIndicator(Rule):
    code = "JX105"
    name = "missing-cost-indicator"
    title = "缺少成本指标"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    source = CORE_2021.at("（成本指标）")
    message = "项目“{sheet}”没有成本指标（应在产出指标的“成本指标”下）"
    message_y2021 = "项目“{sheet}”没有成本指标（应在一级指标“成本指标”下）"  # the 2021 framework's level
    # the form's cost rows printed and left unfilled: a figure for a name, a nil target (corpus 285: 0 | 0.00%)
    message_unfilled = "项目“{sheet}”的成本指标各行没有填写（三级指标只写“{written}”，指标值为0或空着），等于没有成本指标"
    defaults = {"required": True}
    docs = RuleDocs(
        what="目标表是否有成本指标：88号/10号框架下为产出指标中的“成本指标”，2021年起框架下为一级指标“成本指标”"
        "（经济成本、社会成本、生态环境成本）。是否必填由审核方案的 required 参数决定；表样不设成本指标的（发展改革委中央"
        "预算内投资计划表）和用自有层级框架的表（投入目标、管理目标、产出目标、效果目标，成本目标不是必填）、自评表、监控表、一行指标值也没有读到的表和读取程序把带数值的行放在一边的表不在此检查。文件截断的，在满意度指标之后截断的（指标表已读到"
        "末尾）同样检查，在此之前截断的或读取程序推测了版式的，成本指标可能在截断处之后或随版式丢失，不在此检查；表样印出的"
        "成本指标各行都没有填写（三级指标只写“0”等数字或符号，指标值为0或空着）的，是模板的这一部分没有填写，为错误，应退回；"
        "这几行在截断处之前的，照样报告。",
        why="没有成本指标，就无法判断产出与投入是否相应匹配，也无法在自评时评价资金使用的经济性。",
        bad="产出指标 | 数量指标 | 矛盾纠纷排查村数 | ≥18个\n产出指标 | 质量指标 | 矛盾纠纷调解成功率 | ≥90%\n（全表没有成本指标）",
        good="成本指标 | 经济成本指标 | 人均调解经费 | ≤500元/人",
        fix="按框架补充成本指标，指标值用元或万元，且不超过预算。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sheet.indicators or not self.param(ctx, "required") or not ctx.standard_structure \
                or not ctx.sets_goals or not ctx.form.cost_required or ctx.framework_only or ctx.values_unread:
            return
        # The form's cost rows left as printed that the reader set aside (a mark for a name beside a nil target names
        # no indicator, corpus 285): their nil figures are the rows' own, no value placed elsewhere.
        left = [row for row in ctx.rows_set_aside if row.cost and _left_as_printed(row)]
        if any(row.figures for row in ctx.rows_set_aside if row not in left):
            return  # (a row the reader set aside with its figure may be the cost row)
        cost_levels = {"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
        indicators = ctx.sheet.indicators
        rows = [i for i in indicators if ctx.level1_of(i) == "成本指标" or i.level2 in cost_levels]
        last = (indicators[-1].table or ctx.sheet.table or 0, indicators[-1].row or 0)
        if any(not _unfilled(i) for i in rows) or (not rows and not left and ctx.cut_off("成本指标")) \
                or (rows and rows[-1] is indicators[-1]) or any((row.table or 0, row.row or 0) > last for row in left):
            return  # (the form's cost rows read before other rows were all read, though a cut follows: left unfilled,
            # the cost is missing; rows running to the end of the grid may have lost their cells with a cut)
        if rows or left:
            # The form printed the cost rows and the preparer left every one of them as printed: that part of the
            # template was never filled in (JX109's error for a whole table), and the reviewer returns the sheet
            # (corpus 285, graded 中), where a cost merely left out is agreed with the unit.
            written = fold(rows[0].name) if rows else _marks(left[0].beside_levels)[0]
            yield self.finding(ctx, column="level2", template=self.message_unfilled, written=written,
                               severity=Severity.ERROR)
            return
        yield self.finding(ctx, column="level2",
                           template=self.message_y2021 if ctx.framework is Framework.Y2021 else None)


# A 三级指标 without a word in it (0, —, 1): the number or mark a preparer put in a cell the form printed
_NO_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z]*")


def _unfilled(indicator: Indicator) -> bool:
    """True for a row left as the form printed it: a mark without a word for a name (0, —), a nil or empty target. A
    row without any name is a blank line of the copy, not a row filled in (a variant of 154 whose cells moved)."""
    target = indicator.target
    return bool(_marks([indicator.name])) and (target.is_empty or target.value == 0)


def _left_as_printed(row: RowSetAside) -> bool:
    """True for a row set aside as the form printed it (:func:`_unfilled`): beside its levels a mark without a word
    (0, —) and no figure but 0 (0.00%, 分值 0); the form's own explanation of the row may stand beside them."""
    cells = row.beside_levels
    return bool(_marks(cells)) and all(parse_target(cell).value in (None, 0) for cell in cells)


def _marks(cells: Iterable[str]) -> list[str]:
    """The cells without a word in them (0, 0.00%, —), folded, in order."""
    return [folded for folded in map(fold, cells) if folded and _NO_WORD.fullmatch(folded)]


class MissingGoals(Rule):
    code = "JX106"
    name = "missing-goal-statements"
    title = "没有绩效目标文字"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第八条（绩效目标内容）")
    message = "项目“{sheet}”没有填写绩效目标（年度目标）"
    docs = RuleDocs(
        what="“绩效目标”栏是否填写了年度目标；表样只印“实施期绩效目标”一栏的，看这一栏。自评表、监控表报告的是已批复的目标，"
             "其“预期目标”栏空着为警告；表头不在文件中、"
             "各列按内容推断的（读取程序对每一行都报告 P111），目标可能在文件中而未能归入该栏，也为警告。",
        why="绩效指标是对绩效目标的细化；没有目标文字，指标就失去了依托，审核人无法判断指标是否相关。",
        bad="绩效目标：（空）",
        good="绩效目标：1、全乡18个行政村矛盾纠纷排查全覆盖，调解成功率不低于90%",
        fix="用一两句话写明本年度要达到的产出和效果，并与指标对应。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # (a form whose only goals label is the period's, 实施期绩效目标, states its goals there)
        only_period = bool(ctx.sheet.form_fields) and "绩效目标" not in ctx.sheet.form_fields
        stated = [*ctx.sheet.goals, *ctx.sheet.long_term_goals] if only_period else ctx.sheet.goals
        if ctx.form.requires("年度目标", ctx.sheet) and not any(goal.strip() for goal in stated):
            # (a report on goals approved earlier, a self-evaluation's empty 预期目标: the goals exist in the approved
            # goal table, the report leaves them out; a warning, not a return. Under a header the reader inferred, the
            # goals' cell was not told apart from the row's: they may be in the file, unplaced.)
            sure = ctx.sets_goals and not ctx.header_inferred
            yield self.finding(ctx, column="goals", severity=None if sure else Severity.WARNING)


class EmptyIndicatorCell(Rule):
    code = "JX107"
    name = "empty-indicator-cell"
    title = "指标单元格为空"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "指标“{indicator}”的“{column_name}”为空"
    message_unit_only = "指标“{indicator}”的“{column_name}”为空（只写了单位“{unit}”，没有数值）"
    # a core row whose figures stand in the items below it (and the other core rows like it)
    message_in_items = "指标“{indicator}”的“{column_name}”为空（数值只分列在下面的分项中，合计的目标要另行加总）"
    message_in_items_also = ("指标“{indicator}”的“{column_name}”为空（数值只分列在下面的分项中；{also}同样如此，"
                             "合计的目标要另行加总）")
    docs = RuleDocs(
        what="每行指标的三级指标（指标名称）和指标值是否填写。二级指标空着多为合并单元格，描述、依据空着不致退回，不在此检查。"
        "空着的行不到全表指标的一半时为警告（逐行补填即可）；一半以上的指标没有指标值时为错误，目标表无法审核，应退回；"
        "一个一级指标（如效益指标）下超过一半、至少两行没有指标值的，这一类目标无法考核，这些行也为错误"
        "（自评表、监控表，读取程序推测版式放置的各行，以及读取程序把只有数字的格子放在一边、没有放进任何一行的表，"
        "数值可能在没有放对的单元格里，仍为警告）。"
        "指标值只写了单位（“公里”“万亩”）、没有数值的，同样是空着；这样的表里只有“≧ %”的格子也是空着（没有填的模板）。"
        "数值或期限写在名称栏（“流转土地 >=60亩”“2024年度内完成支付”）或写在未识别为指标值的栏目中时，单元格并不空，不在此报告；名称以空话结尾"
        "（“生态修复功能提高”）的由 JX206 报告。名称栏只有一级指标标签、分值（30分)）或单个字的行不是指标，文件截断处的"
        "最后一行（其后的单元格可能随截断丢失）也不在此报告；没有名称和描述、指标值只有一个括号的行是读取时从单元格上拆下的"
        "碎片，不是漏填的行；读取程序推测版式放置的行（一格一行的转载、没有表格线的文字），名称栏空着多是名称放到了别处，不报告名称为空。印了权重（分值）、指标值却空着，数值只分列在下面几行分项中的核心指标行（安徽表样的★核心指标），"
        "只作提示：指标本身有了，但合计的目标要审核人自己加。",
        why="空单元格使这一行无法审核、无法监控，年底也无法打分。",
        bad="产出指标 | 数量指标 | 村人居环境整治个数 | （空）",
        good="产出指标 | 数量指标 | 村人居环境整治个数 | ≥18个",
        fix="补填空单元格。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # An empty 二级指标 is usually a merged cell (or a form whose 成本指标 has no second level), and an empty
        # description or basis is not what a reviewer returns a sheet for: only the indicator and its value count.
        rows = [indicator for indicator in ctx.sheet.indicators
                if not ctx.unfinished(indicator) and not _split_off(indicator)]
        # a scored row whose figures are only in its parts below (GoalSheet.breakdowns) has a value nowhere of its own
        heads = {id(ctx.sheet.indicators[head - 1]) for head in ctx.sheet.breakdowns()}
        blank = [(indicator, column) for indicator in rows
                 for column, empty in (("name", not indicator.name.strip() and not _name_elsewhere(ctx, indicator)),
                                       ("target", _no_value(ctx, indicator) and (
                                           id(indicator) in heads or not _value_elsewhere(indicator))))
                 if empty]
        # One blank row is completed by agreement; a sheet whose targets are mostly blank cannot be reviewed at all,
        # nor a category (效益指标) whose rows mostly are: what the money achieves cannot be assessed (corpus 215:
        # 经济、生态效益 written as slogans without a value, beside one 社会效益 row).
        unfilled = {id(indicator) for indicator, column in blank if column == "target"}
        groups: dict[str | None, list[Indicator]] = {}
        for indicator in rows:
            groups.setdefault(ctx.level1_of(indicator), []).append(indicator)
        blank_groups = [group for group in groups.values() if _mostly(group, unfilled, strictly=True)]
        # In a report the targets are the approved goals' (a copy that dropped them is the audit's concern). Where the
        # rows were placed by a guess, the values may stand unplaced beside them: the blanks are not a return.
        # So where the reader set aside a figure without its row (a value split off its row, one cell a line).
        unsure = ctx.rows_guessed or ctx.figures_set_aside
        whole = ctx.sets_goals and _mostly(rows, unfilled) and not unsure
        core = [indicator for indicator, column in blank if column == "target" and id(indicator) in heads]
        for indicator, column in blank:
            returned = whole or (ctx.sets_goals and column == "target" and not unsure
                                 and any(indicator is row for group in blank_groups for row in group))
            severity = Severity.ERROR if returned else None
            raw = fold(indicator.target.raw or "")
            unit = (unit_without_value(raw) or ("%" if SYMBOL_ONLY.fullmatch(raw) else None)) if column == "target" \
                else None
            slots = {"template": self.message_unit_only, "unit": unit} if unit else {}
            if column == "target" and id(indicator) in heads:
                # the form's way with every core row: said once, on the first of them
                if indicator is not core[0]:
                    continue
                severity = Severity.INFO
                slots = {"template": self.message_in_items_also, "also": "、".join(f"“{row.name}”" for row in core[1:])} \
                    if core[1:] else {"template": self.message_in_items}
            yield self.finding(ctx, indicator=indicator, column=column, column_name=_column_name(column),
                               severity=severity, **slots)


def _mostly(rows: list[Indicator], unfilled: set[int], strictly: bool = False) -> bool:
    """True when at least two of ``rows``, and at least half (``strictly``: more than half), have no value (their ids
    are in ``unfilled``)."""
    count = sum(id(indicator) in unfilled for indicator in rows)
    return count >= 2 and (2 * count > len(rows) if strictly else 2 * count >= len(rows))


class TemplateNotFilled(Rule):
    code = "JX109"
    name = "template-not-filled"
    title = "目标表是没有填写的模板"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "项目“{sheet}”的{count}项指标都只有模板印好的单位或符号（{units}），没有填写任何指标值：目标表没有填写"
    docs = RuleDocs(
        what="目标表的每一行指标值是否都只有模板印好的计量单位或符号（“公里”“万亩”“≧ %”），一个数字也没有填（至少两行）。"
        "逐行的空格由 JX107 报告；这里说的是整张表：随文件下发的模板没有填写，不是个别漏填。自评表、监控表不在此检查。",
        why="没有一个目标值的目标表等于没有目标，不能进入预算，审核人评为差（语料 147：下达资金通知附的水利发展资金绩效"
        "目标表只印了公里、万亩、万人）。",
        bad="数量指标 | 新建堤防、护岸长度 | 公里\n数量指标 | 灌区节水改造面积 | 万亩\n质量指标 | 工程验收合格率 | ≧ %",
        good="数量指标 | 新建堤防、护岸长度 | ≥3.2公里",
        fix="按项目实际填写每一项指标值，并删去与本项目无关的模板指标。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        rows = [indicator for indicator in ctx.sheet.indicators if not ctx.unfinished(indicator)]
        if not ctx.sets_goals or not ctx.template_unfilled or len(rows) < 2 \
                or not all(_no_value(ctx, indicator) for indicator in rows):
            return
        units = "、".join(dict.fromkeys(fold(i.target.raw).strip() for i in rows if i.target.raw.strip()))
        yield self.finding(ctx, column="target", count=len(rows), units=units)


# A target written in the name cell: after an operator (流转土地 >=60亩, 化妆品抽验批次 ≥3 7), a closing percentage
# (质量达标率100%) or a bound in words (培训次数2次以上).
_TARGET_IN_NAME = re.compile(r"[≥≤<>=]\s*\d|\d%$|\d[^\d\s]{0,3}(以上|以下|以内)$")


# A figure glued to the end of a text (情况2312222): a value cell run into the text before it.
_FIGURE_AT_END = re.compile(r"[^\d\s.,，]\d+(\.\d+)?%?$")


# A cell with nothing to read in it: no letter, digit or % (a bracket, a dash).
_NOTHING_WRITTEN = re.compile(r"^[^\w%]*$")


def _split_off(indicator: Indicator) -> bool:
    """True for a piece of a cell that the reader split off as a row of its own: no name, no description, and a
    指标值 with nothing written in it (the “)” of a template's ``( ≥**% )`` cut at its space, corpus 187). Its empty
    name is not a cell the unit left blank; what it holds is JX207's to report."""
    return not indicator.name.strip() and not (indicator.description or "").strip() \
        and bool(_NOTHING_WRITTEN.match(indicator.target.raw or ""))


def _name_elsewhere(ctx: SheetContext, indicator: Indicator) -> bool:
    """True when a name cell the reader found empty may be a name it placed elsewhere rather than a cell the unit left
    blank: the row's cells may not stand where the table has them (placed by a guess: corpus 236 copied one cell per
    line, the names went to a row of their own), or the reader doubted the placement of some row of the sheet or set a
    row's cells aside (a wrapped name's lines, a name split from its value)."""
    return ctx.doubtful(indicator) or ctx.rows_doubtful or bool(ctx.set_aside_cells)


def _no_value(ctx: SheetContext, indicator: Indicator) -> bool:
    """True when the 指标值 cell holds no value: empty, or only the unit the value was to be given in (公里, 万亩), or
    in a template never filled in, only its operator and % (≧ %)."""
    raw = indicator.target.raw
    return indicator.target.is_empty or unit_without_value(raw) is not None \
        or (ctx.template_unfilled and SYMBOL_ONLY.fullmatch(fold(raw or "")) is not None)


def _bound(text: str | None) -> bool:
    """True for a cell that holds nothing but a bound (>=95%, ≤30天): a 指标值 placed one column off."""
    target = parse_target(text or "")
    return target.operator is not None and target.value is not None and target.leftover is None


def _value_elsewhere(indicator: Indicator) -> bool:
    """True when the row's value stands in the document, only not in the 指标值 cell: in the name cell (a figure,
    or a vague phrase that JX206 reports), alone in the description cell (>=95%, corpus 180) or glued to its end in
    a row split by a guess, or in a column the reader kept aside (``extra``): a figure (one column
    per town), or any cell of a column the reader found holds a value of the row (``value_columns``: a second
    指标值 column, 评价指标值)."""
    # (a deadline there is the value of a 时效 row written as one statement: 2024年度内完成支付, corpus 249)
    if _TARGET_IN_NAME.search(fold(indicator.name)) or names_deadline(indicator.name) or vague_tail(indicator.name) \
            or _bound(indicator.description):
        return True
    # Text run together, split by a guess (at 反映): the values glued to the end of the description were not placed
    # (数量情况2312222, corpus 180: one figure per district column)
    if indicator.confidence < GUESSED_BELOW and _FIGURE_AT_END.search(fold(indicator.description or "")):
        return True
    return any(parse_target(value).is_quantitative or heading in indicator.value_columns
               for heading, value in indicator.extra.items() if value and value.strip())


class TemplateResidue(Rule):
    code = "JX108"
    name = "template-placeholder-left"
    title = "残留模板占位文字"
    severity = Severity.ERROR
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "“{column_name}”中残留模板文字“{text}”"
    message_masked = "“{column_name}”中残留模板文字“{text}”，也可能是转载时遮挡的数字，请按原表核对"
    message_rows = "“{column_name}”中残留模板文字“{text}”，共{count}行：{rows}"  # the rows of one column
    terms = frozenset({"年度总体目标实际完成情况"})  # the self-evaluation's field, beside the columns of COLUMNS
    docs = RuleDocs(
        what="单元格中是否还留着模板的占位文字，如“≥**”“指标1：”“（100字以内）”“请填写”；表样给各行的编号（指标1:新建堤防长度）"
        "留在目标表的名称前也报告，自评表、监控表照抄批复表印出的名称，其中的编号不在此报告。转载时打码的数字（“≤****000元”，"
        "四个以上的*或X）不是模板文字，不在此报告；目标文字中数字的位置只有“**”的（完成**日常执法），分不清是占位还是打码，"
        "报告一次警告并请按原表核对；表上的单位、项目名称或资金用途已被打码（预算单位 ****）的，目标中的“**”也是打码，不报告。指标值只有占位文字、"
        "没有实际数值时为错误；占位文字留在名称里或实际数值旁（“(≥**株)>=17600株”）时为警告，删去即可。同一栏有几行都"
        "留着这样的文字时，是整张表没有清理模板，合并为一条报告（列出各行，修复逐行删去）。表样编号的空行（三级指标只有“指标1:”，"
        "或几行的编号连在一格里“指标1:指标2:”，其余各栏空着）留在表中的，作为提示报告一次。",
        why="占位文字说明这一项其实没有填写，目标值无法审核。",
        bad="指标值：≥**个",
        good="指标值：≥18个",
        fix="删去占位文字，填入实际内容。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        left_over: dict[str, list[tuple[Indicator, str, Fix]]] = {}  # residue beside real content, by column
        for indicator in ctx.sheet.indicators:
            cells = {"name": _name_cell(indicator), "description": indicator.description, "target": indicator.target.raw}
            for column, text in cells.items():
                if _REDACTED.search(text or ""):
                    continue  # a figure masked by the copy's publisher (≤****000元), not the form's placeholder
                word = placeholder_in(text) or _form_note_in(ctx, text)
                # (the reader's mark that the value is a placeholder counts where the cell still shows it: a cell read
                # empty has no residue to remove, its row was placed off its cells)
                no_value = column == "target" and indicator.target.placeholder and bool((text or "").strip())
                if not (word or no_value):
                    continue
                # Only a target with no value behind the residue leaves the row unfilled (an error); residue beside
                # a real value ((≥**株)>=17600株) or in a name is left-over text, removed without changing anything.
                cleaned = _without_residue(ctx, indicator, column, text or "")
                written = _residue_as_written(text) or word or text or ""
                if no_value or not cleaned:
                    fix = Fix.of(Applicability.DISPLAY_ONLY, "删去占位文字，填写实际内容",
                              edits=(Edit(field=column, before=text, row=indicator.row, indicator=indicator.name),))
                else:
                    fix = Fix.of(Applicability.SAFE, "删去占位文字，改为“{cleaned}”", cleaned=cleaned,
                              edits=(Edit(field=column, before=text, after=cleaned, row=indicator.row,
                                          indicator=indicator.name),))
                if no_value:
                    # Only the residue stands in the cell: this row is unfilled, an error of its own.
                    yield self.finding(ctx, indicator=indicator, column=column, fix=fix, column_name=_column_name(column),
                                       text=written)
                else:
                    left_over.setdefault(column, []).append((indicator, written, fix))
        if ctx.sets_goals:
            self._numbering_left(ctx, left_over)
        yield from self._left_over(ctx, left_over)
        yield from self._empty_rows(ctx)
        sheet = ctx.sheet
        # a copy whose publisher masked the unit's or project's name (预算单位 ****, corpus 154) masks the goals' place
        # names with the same stars (完成**日常执法): no placeholder of the form
        masked_copy = any(_REDACTED.search(text or "") for text in (
            sheet.title, sheet.name, sheet.purpose, sheet.unit.name if sheet.unit else None))
        for goal in sheet.goals:
            if (word := placeholder_in(goal)) and not _REDACTED.search(goal):
                # In prose, a figure's place held by ** may as well be the publisher's mask (corpus 154).
                masked = _MASK.fullmatch(word)
                if masked and masked_copy:
                    continue
                yield self.finding(ctx, column="goals", column_name="绩效目标", text=word, severity=Severity.WARNING,
                                   confidence=Confidence.INFERENCE if masked else Confidence.HIGH,
                                   template=self.message_masked if masked else None)
        # a self-evaluation's word on its goals' completion left as the form's instruction (…完成情况(100字以内))
        done = ctx.sheet.evaluation.overall_actual if ctx.sheet.evaluation else None
        if done and (word := placeholder_in(done)) and not _REDACTED.search(done):
            yield self.finding(ctx, column="overall_actual", column_name="年度总体目标实际完成情况", text=word,
                               severity=Severity.WARNING)

    @staticmethod
    def _numbering_left(ctx: SheetContext, left_over: dict[str, list[tuple[Indicator, str, Fix]]]) -> None:
        """Add to ``left_over`` the names of a sheet that sets goals still opening on the form's numbering of its rows
        (指标1:新建堤防、护岸长度): the form numbers its blank rows for the preparer to replace, and a reviewer of the goal
        sheet asks for the numbering to go (corpus 147, 166). A report copies the approved names as they were printed:
        the numbering is not raised there (corpus 034, 036, 170)."""
        flagged = {id(indicator) for indicator, _, _ in left_over.get("name", [])}
        for indicator in ctx.sheet.indicators:
            numbering = _TEMPLATE_NUMBER.match(fold(indicator.name_raw or ""))
            if not numbering or not indicator.name or id(indicator) in flagged:
                continue
            fix = Fix.of(Applicability.SAFE, "删去编号，改为“{name}”", name=indicator.name,
                      edits=(Edit(field="name", before=indicator.name_raw, after=indicator.name, row=indicator.row,
                                  indicator=indicator.name),))
            left_over.setdefault("name", []).append((indicator, numbering.group(0).strip(), fix))
        order = {id(indicator): position for position, indicator in enumerate(ctx.sheet.indicators)}
        if "name" in left_over:
            left_over["name"].sort(key=lambda row: order.get(id(row[0]), 0))

    def _empty_rows(self, ctx: SheetContext) -> Iterator[Finding]:
        """The form's numbered rows left empty, which the reader set aside (P108: ``指标1:`` and blank cells, or the
        numbering of two such rows run together into one cell, ``指标1:指标2:``): the template never cleaned of the
        rows the preparer did not use, noted once for the sheet (corpus 234)."""
        rows = [row for row in ctx.rows_set_aside
                if row.beside_levels and all(_EMPTY_ROW.fullmatch(fold(cell)) for cell in row.beside_levels)]
        if not rows:
            return
        texts = "”“".join(dict.fromkeys(cell.strip() for row in rows for cell in row.beside_levels))
        fix = Fix.of(Applicability.DISPLAY_ONLY, "删去未使用的模板行，或填写该项指标")
        if len(rows) == 1:
            yield self.finding(ctx, column="name", fix=fix, severity=Severity.INFO, column_name=_column_name("name"),
                               text=texts)
            return
        levels = "、".join(dict.fromkeys(row.level2 or row.level1 or "" for row in rows if row.level2 or row.level1))
        yield self.finding(ctx, column="name", fix=fix, severity=Severity.INFO, column_name=_column_name("name"),
                           template=self.message_rows, text=texts, count=len(rows), rows=levels or "—")

    def _left_over(self, ctx: SheetContext, left_over: dict[str, list[tuple[Indicator, str, Fix]]]) -> Iterator[Finding]:
        """Residue left beside real content (in a name, beside a value): one warning per row, or, where a column
        keeps it on several rows, one for the sheet. A template never cleaned is one omission, and a reviewer notes it
        once ("名称中残留(≥**人)(≥**%)等模板占位符", corpus 166, 187)."""
        for column, rows in left_over.items():
            if len(rows) == 1:
                [(indicator, written, fix)] = rows
                yield self.finding(ctx, indicator=indicator, column=column, fix=fix, severity=Severity.WARNING,
                                   column_name=_column_name(column), text=written)
                continue
            texts = "”“".join(dict.fromkeys(written for _, written, _ in rows))
            names = "、".join(indicator.name for indicator, _, _ in rows)
            safe = all(fix.applicability is Applicability.SAFE for _, _, fix in rows)
            fix = Fix.of(Applicability.SAFE if safe else Applicability.DISPLAY_ONLY, "逐行删去占位文字", edits=tuple(edit for _, _, fix in rows for edit in fix.edits))
            yield self.finding(ctx, column=column, fix=fix, severity=Severity.WARNING, column_name=_column_name(column),
                               template=self.message_rows, text=texts, count=len(rows), rows=names)


# A run of four or more mask characters is a redaction by whoever published the copy (amounts ≤****000元, a mobile
# number 1XXXXXXXXXX: corpus 142, 154); the form's placeholders are short (≥**个, XX村).
_REDACTED = re.compile(r"[*＊]{4,}|[Xx×]{4,}")
_MASK = re.compile(r"[*＊]+")
_RESIDUE = re.compile(r"[(（][^()（）]*(?:\*\*|＊＊|××|XX|xx)[^()（）]*[)）]|^指标\d+[:：.]|[(（](100字以内|必填)[)）]")


# the template's numbering of its rows (指标1:), which many forms print before every name: the form's, not residue
_NUMBERING = re.compile(r"^\s*指标\s*\d{1,2}\s*[:：.．、]?\s*")
# a cell holding the numbering alone, of one row or of several run together (指标1:, 指标1:指标2:): an empty row
_EMPTY_ROW = re.compile(r"(?:指标\s*\d{1,2}\s*[:：.．、]?\s*)+")
# The same numbering closed by its mark (指标1:), as a name cell keeps it when the preparer wrote after it.
_TEMPLATE_NUMBER = re.compile(r"^\s*指标\s*\d{1,2}\s*[:：.．、]")


def _name_cell(indicator: Indicator) -> str:
    """The name cell as written where the reader cleaned it of more than the form's numbering, else the name (compared
    folded: a Traditional 指標1: is the same numbering)."""
    raw = indicator.name_raw
    return raw if raw and _NUMBERING.sub("", fold(raw)) != fold(indicator.name) else indicator.name


def _without_residue(ctx: SheetContext, indicator: Indicator, column: str, text: str) -> str | None:
    """The cell without its template residue, when what remains is the real content; else None."""
    if column == "target":
        target = indicator.target
        return target.display() if target.is_quantitative or target.is_date else None
    if column == "name" and indicator.name_raw:
        return indicator.name or None  # the name the reader cleaned of the residue
    cleaned = _RESIDUE.sub("", text).strip()
    return cleaned if cleaned and cleaned != text.strip() and not placeholder_in(cleaned) else None


def _residue_as_written(text: str | None) -> str | None:
    """The residue as the cell writes it (``(≥**株)`` rather than the placeholder ``**`` found in it)."""
    found = _RESIDUE.search(text or "")
    return found.group(0) if found else None


def _form_note_in(ctx: SheetContext, text: str | None) -> str | None:
    folded = fold(text or "")
    return next((note for note in ctx.form.notes if fold(note) in folded), None) if folded else None


def _column_name(column: str) -> str:
    return COLUMNS[column]


@cache
def _placeholders() -> tuple[tuple[str, str], ...]:
    return tuple((word, fold(word)) for word in load("targets")["placeholders"] if fold(word))


@lru_cache(maxsize=TEXT_MEMO)
def placeholder_in(text: str | None) -> str | None:
    """The template placeholder (≥**, XX, 请填写) that ``text`` still holds, or None."""
    if not text:
        return None
    folded = fold(text)
    return next((word for word, folded_word in _placeholders() if _holds(folded, folded_word)), None)


def _holds(folded: str, word: str) -> bool:
    # A numbered placeholder (指标3) is not the start of a longer figure: 管理指标30 is a level with its points
    # (corpus 179).
    if word[-1].isdigit():
        return re.search(re.escape(word) + r"(?![\d.])", folded) is not None
    return word in folded

"""The last step of the reading pipeline: lines, regions and aligned rows become a Document.

Above a table's header sit the sheet's header block (title, unit, 项目名称, 预算数, 绩效目标 …) and, before the
first sheet, the unit's overall goals; below it the aligned rows become indicators. Lines of a stream without
row boundaries are grouped into header-block rows by their labels: a label opens a row and the lines after it
are its values (an amount label takes one amount).

Every token of a table region is accounted for (:class:`Accounting`): placed in a field, reported in a
diagnostic, or marked as chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import count, takewhile

from jixiao.documents.blocks import Cell, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.interpret.goals_block import goals_in_prose, spaced_goals, stated_goal
from jixiao.documents.interpret.header_cells import (
    fund_name,
    is_other_table_title,
    parse_amount,
    parse_money_unit,
    parse_title,
    table_year,
    title_project,
)
from jixiao.documents.interpret.long_layout import build_long_table, detect_long_header
from jixiao.documents.interpret.option_lists import is_option_row
from jixiao.documents.interpret.overall import OverallGoalsBuilder
from jixiao.documents.interpret.sheet_builder import SheetBuilder, is_budget_group, is_figure, money_key
from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.cell_facts import cell_facts
from jixiao.documents.pipeline.inferred import content_header
from jixiao.documents.pipeline.labels import Role, is_chrome, label, simplified
from jixiao.documents.pipeline.money_text import (
    allotted_in_prose,
    money_headings_in_text,
    money_in_prose,
    money_in_text,
    money_unread_in_text,
)
from jixiao.documents.pipeline.plans import CUT_BY_SHAPE, PLANNED
from jixiao.documents.pipeline.projects import continuation, rekey_diagnostics, report_sequel, split_projects
from jixiao.documents.pipeline.prose import PROSE, opens_achievement
from jixiao.documents.pipeline.records import (
    GOAL,
    MONITOR,
    SELF_EVAL,
    claimed_grade,
    claimed_total,
    figures_lost,
    monitoring_report,
    self_evaluation,
    sheet_kind,
    trailing_total,
)
from jixiao.documents.pipeline.regions import FRAME, body_end, find_header, is_frame_label, parts_break
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS, ReadSettings
from jixiao.documents.pipeline.stripped import unrun_names
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import (
    PAGE_NUMBER,
    column_label,
    generic_tab,
    goals_word,
    header_label,
    header_labels,
    labels,
    run_on_spellings,
    split_label_value,
)
from jixiao.model import Budget, Diagnostic, Document, Location, MoneyUnit, ReportedEvaluation
from jixiao.model.lexicon import TEXT_MEMO, simplified_in_place
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["Accounting", "build_document"]

_AMOUNT_FIELDS = {"total", "fiscal", "other", "source"}
_MONEY_LABELS = {*_AMOUNT_FIELDS, "budget_section", "spent"}  # the labels of the money block and its table
_LONGEST_LABEL = 12
# Money headings that begin the money table's row of headings in a one-cell-per-line stream (分值 and 得分 only
# continue one: alone they are the grid's columns).
_OPENING_MONEY = {"budget_initial", "budget_full", "spent", "execution_rate", "spent_expected"}
# the rest of a form's title broken after a label-like word (绩效目标 / 自评表 (2019年度)): no value of that label
_FORM_WORD = re.compile(r"\s*(?:自评|申报|批复|监控|设定)?表")
_SENTENCE_ENDS = ("。", "；", ";", "！", "!")
# The columns that hold a row's values (label kinds), whose heading a cut file can end on after the rows' names.
_VALUE_COLUMNS = ("target", "actual", "weight", "score")
_MONEY_TABLE = re.compile(r"执行数|执行率")  # the columns a self-evaluation's money table adds to the budget
_GOALS_TITLE = re.compile(r"[绩績][效効]")  # a line ending an allocation table: the goal table's title comes


@dataclass(slots=True)
class Accounting:
    """What became of the tokens inside table regions (header and body of every indicator grid, and the cells of
    every self-evaluation or monitoring form's money table)."""

    tokens: int = 0
    placed: int = 0
    diagnosed: int = 0
    chrome: int = 0
    unaccounted: list[str] = field(default_factory=list)


def build_document(lines: list[Line], source: str, file_format: str, layout_name: str,
                   diagnostics: list[Diagnostic], settings: ReadSettings = DEFAULT_SETTINGS,
                   tabs: dict[int, str] | None = None, deadline: Deadline = UNTIMED) -> tuple[Document, Accounting]:
    """Build the document the lines hold, and account for the tokens of its tables; ``tabs`` names a workbook's
    worksheets by number (Row.table), the name of a sheet whose cells and title name no project. Within the read's
    ``deadline``, checked at every line outside the tables and every row of them."""
    return _Assembler(source, file_format, layout_name, diagnostics, settings, tabs or {}, deadline).run(lines)


# Formats that hold a table as a grid, written whole by the program that saved them: the end of the file does not cut
# one (a PDF may be a document site's first pages, a web page a partial copy; a text file any of these)
_WHOLE_TABLES = frozenset({"docx", "doc", "xlsx", "xls"})
_LEVELS_OF_A_TABLE = 2  # level names apart that make a table of them (one may be a report's heading)


class _Assembler:
    def __init__(self, source: str, file_format: str, layout_name: str, diagnostics: list[Diagnostic],
                 settings: ReadSettings, tabs: dict[int, str], deadline: Deadline) -> None:
        self.source = source
        self.deadline = deadline
        self.tabs = tabs
        self._worksheet: int | None = None  # the worksheet the current sheet's grid stands on (a workbook's)
        self._tabs_taken: set[int] = set()  # worksheets whose tab already named a sheet
        self.file_format = file_format
        self.layout_name = layout_name
        self.settings = settings
        self.diagnostics = list(diagnostics)
        self.overall = OverallGoalsBuilder()
        self.sheets = []
        self.current: SheetBuilder | None = None
        self.accounting = Accounting()
        self.kinds: list[str] = []
        self._open: Row | None = None  # a header-block row being grouped from one-cell lines
        self._open_is_row = False  # the open row is a whole text row (only indented lines continue it)
        # the text outside tables since the last one (the next grid's header block), by source line
        self._block_text: list[tuple[int | None, str]] = []
        # the fund a self-evaluation report names (its title, then the section heading of each fund it reports
        # on), or the project a notice of the goals set names: the name of its sheets that name none themselves
        self._report_title: str | None = None
        self._titled_report = False  # the document's title says it is a self-evaluation report
        self._report_fund: str | None = None
        self._prose_goal: str | None = None  # a goal a paragraph states (总体绩效目标是…), for the next grid's sheet
        self._goals_section = False  # a report's heading of its section on the goals set stands alone above
        # under an allocation table's title (…资金安排表) until the next goal title or indicator grid: its label-like
        # cells (项目名称 | 金额) open no sheet
        self._other_table = False
        self._project_heading = False  # a heading naming the next project stands since the last grid
        self._money_unit_ahead: MoneyUnit | None = None  # a 单位：万元 line above the first form, before any title
        # the year printed alone above the first form whose title was not read as one ((2023年度) under a
        # 财政项目支出绩效目标审批表, or under a page's paragraph that runs the title on at its end)
        self._year_ahead: int | None = None
        # the year a report's or publication's title says it reports on or publishes: its sheets' that state none
        self._report_year: int | None = None
        # the years of the funds a notice passes down (下达2023年…资金), and the date its page says it was published on:
        # the year of the sheets that state none at all, the page's date only for goals (set for the year they are
        # published in; a self-evaluation is published the year after)
        self._allotted: set[int] = set()
        self._published: int | None = None
        # the one-cell lines of words a stream gave since its last label or title, and those that stood before the
        # open row's label: a PDF's text flow prints a value wrapped over two lines before its label (普陀体育中心与
        # 委托运营方结 | 算费用 | 项目名称 | 主管部门), the label's own line being centred beside them
        self._loose: list[str] = []
        # the level names standing as cells of their own outside any table, each at its first line: a file that
        # holds them but no table is a table whose text lost its order (P186)
        self._levels_outside: dict[str, int | None] = {}
        self._before_open: list[str] = []

    def run(self, lines: list[Line]) -> tuple[Document, Accounting]:
        index = 0
        while index < len(lines):
            self.deadline.check(lines[index])
            if (how := lines[index].extra.get(CUT_BY_SHAPE)) is not None:
                # a plan row run together, cut into its cells by their shapes: a guess the reader is told of
                self.diagnostics.append(diagnostic("P111", Location(file=self.source, line=lines[index].line), how=how))
            header = find_header(lines, index, self.settings)
            if header is None and (self.current is None or self.current.columns is None):
                # rows that no header names, where no grid of this sheet stands above them to own them
                header = content_header(lines, index)
            if header is not None:
                index = self._table(lines, header)
                continue
            self._outside(lines[index])
            index += 1
        self._close_open()
        self._trailer_text(self.current)
        self._finish()
        self._levels_unread()
        unit = next((sheet.unit for sheet in self.sheets if sheet.unit), None)
        accounting = self.accounting
        unaccounted = accounting.tokens - accounting.placed - accounting.diagnosed - accounting.chrome
        kind = next((k for k in self.kinds if k != GOAL), self.kinds[0] if self.kinds else None)
        if kind == GOAL and self._titled_report:
            # a report quoting its approved goals in prose or in a goal table's shape (corpus 249, 255) reports on them
            kind = SELF_EVAL
        self._year_from_form_above()
        self._year_from_page(kind)
        document = Document(source=self.source, format=self.file_format, layout=self.layout_name, unit=unit,
                            overall=self.overall.result(), sheets=self.sheets, diagnostics=self.diagnostics,
                            unaccounted=max(unaccounted, 0), kind=kind)
        return document, self.accounting

    # -- sheets ----------------------------------------------------------------------------------------
    def _levels_unread(self) -> None:
        """A file with no table whose text holds level names as cells of their own (满意度指标(10分), 成本指标(5分)):
        the indicator table is there, its text in an order no header or row was found in. Said (P186), not guessed."""
        if self.sheets or len(self._levels_outside) < _LEVELS_OF_A_TABLE:
            return
        names, lines = list(self._levels_outside), [line for line in self._levels_outside.values() if line is not None]
        location = Location(file=self.source, line=min(lines) if lines else None)
        self.diagnostics.append(diagnostic("P186", location, count=len(names), names=quoted_cells(names, "、"),
                                           line=min(lines) if lines else "?"))

    def _year_from_form_above(self) -> None:
        """A sheet with no title of its own that states no year is the next project's block of the form titled above
        it (one title and year, then 项目名称 again under the same headings: a site's copy of a unit's several
        projects, each with the form's fields): it takes the year of the titled sheet it follows, said once (P190):
        the import checks the chosen year against it. A sheet with a title of its own, one of another form's fields
        (a table of another form stacked below), or one whose titled sheet states no year, takes none."""
        form = None
        for sheet in self.sheets:
            if sheet.title is not None:
                form = sheet
            elif sheet.year is None and form is not None and form.year is not None \
                    and sheet.form_fields == form.form_fields:  # (the same form's fields: its next project's block)
                sheet.year = form.year
                location = Location(file=self.source, sheet=sheet.key)
                self.diagnostics.append(diagnostic("P190", location, year=str(form.year), name=form.key))

    def _year_from_page(self, kind: str | None) -> None:
        """The sheets that state no year anywhere (title, header, name, span, deadlines) take the one year of the funds
        the notice around them passes down, or, for goals, the year of the date their page was published on; said
        once each: the import checks the chosen year against it."""
        allotted = next(iter(self._allotted)) if len(self._allotted) == 1 else None
        year = allotted or (self._published if kind == GOAL else None)
        if year is None:
            return
        source = f"通知下达的{year}年资金" if allotted else f"发布日期（{year}年）"
        for sheet in self.sheets:
            if sheet.year is None:
                sheet.year = year
                location = Location(file=self.source, sheet=sheet.key)
                self.diagnostics.append(diagnostic("P182", location, source=source))

    def _finish(self) -> None:
        current = self.current
        money_only = current is not None and current.columns is None and not current.sheet.indicators and _money_block(
            current)
        if current is not None and (current.has_content or money_only):
            if current.sheet.year is None:
                current.sheet.year = self._report_year  # (before its name's year is guessed)
            sheet, found = current.finish()
            if sheet.name is None and (named := title_project(sheet.title or "")):
                # a sheet whose header names no project (a form with no 项目名称 field, or one a copy lost) takes the one
                # its title names (2019年度宁晋县高中助学金项目绩效评价指标表); what was said of it is said of that project
                renamed = sheet.model_copy(update={"name": named})
                self.diagnostics = rekey_diagnostics(self.diagnostics, sheet, [renamed])
                found = rekey_diagnostics(found, sheet, [renamed])
                sheet = current.sheet = renamed
            if sheet.name is None and sheet.code is None:
                sheet = current.sheet = self._tab_named(sheet, found)
            if money_only:
                # a self-evaluation's money table printed without its indicator rows (a copy cut after it, the rows
                # told in prose, a form whose rows are no indicators): its money is read, its rows are not there
                current.cut = True
                location = Location(file=self.source, table=current.ordinal, sheet=sheet.key)
                found[:] = [said for said in found if said.code != "P101"]  # (no grid was looked for: P155 says why)
                found.append(diagnostic("P155", location, headings=quoted_cells(current.money_headings, "、")))
            self.sheets.append(sheet)
            self._records(current, sheet)
            self.diagnostics.extend(found)
            read = self.sheets[-1]
            if read.evaluation is None and read.monitoring is None:
                self.sheets[-1:] = projects = split_projects(read)
                self.diagnostics = rekey_diagnostics(self.diagnostics, read, projects)
            merged = continuation(self.sheets[-2], self.sheets[-1]) if len(self.sheets) > 1 else None
            if merged is not None:
                self.diagnostics = rekey_diagnostics(self.diagnostics, self.sheets[-1], [merged])
                self.sheets[-2:] = [merged]
            sequel = report_sequel(self.sheets[-2], self.sheets[-1]) if merged is None and len(self.sheets) > 1 else None
            if sequel is not None:
                # a report's paragraphs saying the table's indicators again: the same sheet (P161 says which rows)
                whole, restated = sequel
                self.diagnostics = rekey_diagnostics(self.diagnostics, self.sheets[-1], [whole])
                location = Location(file=self.source, table=current.ordinal, sheet=whole.key)
                self.diagnostics.append(diagnostic("P161", location, count=len(restated),
                                                   names=Phrase.listing("{name}", [{"name": n} for n in restated])))
                self.sheets[-2:] = [whole]
            self._count(current)
        self.current = None
        self._worksheet = None

    def _count(self, builder: SheetBuilder) -> None:
        """Add what became of a sheet's tokens: its grid's (counted as the lines were fed) and its money table's,
        whose rows stand in the header block outside the grid, each cell placed or said (a mark of none too)."""
        self.accounting.placed += builder.tokens_placed + builder.money_placed
        self.accounting.diagnosed += builder.tokens_diagnosed + builder.money_diagnosed
        self.accounting.tokens += builder.money_tokens

    def _tab_named(self, sheet, found: list[Diagnostic]):
        """The sheet named by its worksheet's tab (乡村道路养护), where units keep one project a worksheet and name
        only the tab; a generic tab (Sheet1, 附表2, 绩效目标表) names nothing, and a tab names one sheet only."""
        tab = self.tabs.get(self._worksheet) if self._worksheet is not None else None
        if tab is None or self._worksheet in self._tabs_taken or generic_tab(tab):
            return sheet
        self._tabs_taken.add(self._worksheet)
        renamed = sheet.model_copy(update={"name": tab.strip()})
        self.diagnostics = rekey_diagnostics(self.diagnostics, sheet, [renamed])
        found[:] = rekey_diagnostics(found, sheet, [renamed])
        location = Location(file=self.source, table=self._worksheet, sheet=renamed.key)
        self.diagnostics.append(diagnostic("P153", location, name=tab.strip()))
        return renamed

    def _records(self, builder: SheetBuilder, sheet) -> None:
        columns = builder.columns.kinds if builder.columns is not None else []
        kind = sheet_kind(sheet, columns, builder.claimed, builder.money)
        self.kinds.append(kind)
        if kind == SELF_EVAL:
            results = builder.results
            evaluation = self._evaluation(builder, sheet, results)
            location = Location(file=self.source, table=builder.ordinal, sheet=sheet.key)
            lost = figures_lost(sheet, evaluation)
            unrun = unrun_names(sheet, results) if lost else None
            if unrun is not None:
                # the copy lost the figures that stood between the names of a block: one row to each name again
                sheet, results, cuts = unrun
                evaluation = self._evaluation(builder, sheet, results)
                self.diagnostics += [diagnostic("P157", location.model_copy(update={"row": row}), name=name,
                                                count=len(names), names=quoted_cells(names, "、"))
                                     for name, names, row in cuts]
            self.sheets[-1] = sheet.model_copy(update={
                "evaluation": evaluation, "budget": _budget_of_year(sheet.budget, evaluation)})
            if lost:
                self.diagnostics.append(diagnostic("P123", location, count=len(sheet.indicators)))
        elif kind == MONITOR:
            self.sheets[-1] = sheet.model_copy(update={
                "monitoring": monitoring_report(sheet, builder.results, builder.money, builder.money_headings,
                                                builder.claimed.get("conclusions"))})

    @staticmethod
    def _evaluation(builder: SheetBuilder, sheet, results: list[tuple[int, dict[str, str]]]) -> ReportedEvaluation:
        return self_evaluation(sheet, results, builder.money, builder.claimed, builder.cut,
                               headless=builder.headless, overall_actual=builder.overall_actual,
                               headings=builder.money_headings, parts=builder.part_rows)

    def _block(self) -> str:
        """The text outside tables since the last one, the pieces of one source line joined again."""
        text, previous = [], None
        for number, piece in self._block_text:
            text.append(piece if number is not None and number == previous else f"\n{piece}")
            previous = number
        return "".join(text)

    def _trailer_text(self, builder: SheetBuilder | None) -> None:
        """The total below a grid whose rows were not read as rows (总分100 run together with the next cells), or
        claimed under it as a header block claims one (自评得分：96分), before the next sheet's title or name."""
        if builder is not None and (builder.reported or self._titled_report):
            # (a report cut before its results says its money after its goals all the same: 财政下达…资金28万元)
            _report_budget(builder, self._block(), named=self._names_fund())
        if builder is None or not builder.grid_closed:
            return
        own = "\n".join(piece for _, piece in takewhile(lambda pair: not _opens_sheet(pair[1]), self._block_text))
        if "total" not in builder.claimed:
            first = builder.score_before_weight
            total = trailing_total(self._block(), score_first=first)
            if total is None:
                total = trailing_total(own, claims=True, score_first=first)
                total = claimed_total(own) if total is None else total
            if total is not None:
                builder.claimed["total"] = total
        if "grade" not in builder.claimed and (grade := claimed_grade(own)):
            builder.claimed["grade"] = grade  # (自评等级 | 优 below the grid, or said: 评价等级为优)
        if "spent" not in builder.money:
            # the money table printed below the grid (forms that score the execution last), its cells cut up by a copy
            # as the header block's may be: its text's run of headings and figures says it
            for key, figure in money_in_text(own).items():
                builder.money.setdefault(key, figure)

    def _names_fund(self) -> bool:
        """Whether the report's title or a heading of it names the fund it reports on."""
        return (self._report_fund or self._report_title) is not None

    def _header_text(self, builder: SheetBuilder, reported: bool = False, said: str = "") -> None:
        """What the header block's text says that its rows did not: the claimed total and the money block, however
        a document site cut them up or ran them together; above the prose indicators of a self-evaluation report
        (``reported``), what its sentences say of the money, and what the first of them (``said``) says of it."""
        text = self._block()
        total = claimed_total(text)
        if total is not None:
            builder.claimed.setdefault("total", total)
        if grade := claimed_grade(text):
            builder.claimed.setdefault("grade", grade)  # (自评得分 | 96 | 自评等级 | 优 in the header block)
        if _misaligned(builder.money) and (found := money_in_text(text)):
            # the money rows were read under headings that lost their places (预算数 on a line of its own above
            # (A)执行数(B) | 执行率(B/A) | 得分 | 285.84 | 285.84 | 100% | 20): the text's run of headings and figures says it
            builder.money = {key: figure for key, figure in builder.money.items() if key not in _MISALIGNED_KEYS} | found
        if "spent" not in builder.money:
            for key, figure in (money_in_text(text) or (money_in_prose(f"{text}\n{said}") if reported else {})).items():
                builder.money.setdefault(key, figure)
        if "spent" not in builder.money and not any(said.code == "P148" for said in builder.diagnostics) and (
                unread := money_unread_in_text(text)):
            # the figures after the headings read several ways, or none: said (once), never guessed
            headings, figures = unread
            location = Location(file=self.source, table=builder.ordinal, sheet=builder.sheet.key, column="资金情况")
            builder.diagnostics.append(diagnostic("P148", location, count=len(headings),
                                                  headings=quoted_cells(headings, "、"), figures=figures))
        if not builder.money_headings:
            # the money table's headings stand in the text even where its figures could not be read: the form has one
            builder.money_headings = money_headings_in_text(text)

    def _new_sheet(self, title: str | None = None) -> SheetBuilder:
        # (the total below the grid before it, where the next project's form follows with no title of its own:
        # 总分 | 10098项目名称…)
        self._trailer_text(self.current)
        # the year a form's title broken over lines printed before its last piece (2020年度 / 县级专项资金 /
        # 绩效目标自评表), read into the sheet the first piece opened and nothing else was: the form's
        if self.current is not None and not self.current.has_content and self.current.sheet.year is not None:
            self._year_ahead = self._year_ahead or self.current.sheet.year
        self._finish()
        self.current = SheetBuilder(self.source, len(self.sheets) + 1, title)
        if self._money_unit_ahead is not None:
            self.current.sheet.money_unit, self._money_unit_ahead = self._money_unit_ahead, None
        if self._year_ahead is not None:
            self.current.sheet.year, self._year_ahead = self.current.sheet.year or self._year_ahead, None
        return self.current

    # -- a table: header and body ------------------------------------------------------------------------
    def _table(self, lines: list[Line], header) -> int:
        self._close_open()
        self._other_table = False
        first = lines[header.start]
        self.accounting.tokens += len([t for t in header.tokens if t.text.strip()])
        self.accounting.placed += len([t for t in header.tokens if t.text.strip()])
        if first.gridded:
            long_header = detect_long_header(first.as_row())
            if long_header is not None:
                return self._long_table(lines, header, long_header)
        if first.extra.get(PROSE):
            # a report's line of prose that the grid opens on may open with the report's title, the rest of the text
            # run on to it (a document site's preview: 1、XX项目绩效评价自评报告一、项目总体情况…(1)投入-…实际完成…)
            self._report_names(" ".join(first.texts))
        current = self.current
        self._trailer_text(current)
        repeated = (current is not None and current.columns is not None and current.sheet.indicators
                    and _same_columns(current.columns.kinds, header.columns.kinds)
                    and not self._project_heading
                    # (a workbook's next worksheet is the next project's, its grid no page of this one's)
                    and (self._worksheet is None or first.table == self._worksheet or not self.tabs))
        self._project_heading = False
        reported = bool(first.extra.get(PROSE)) and "actual" in header.columns.kinds
        if not repeated:
            if current is None or current.columns is not None:
                current = self._new_sheet()
            current.open_grid(header.columns)
            if self._worksheet is None:
                self._worksheet = first.table
            if current.sheet.name is None and (self._report_fund or self._report_title) is not None:
                current.sheet.name = self._report_fund or self._report_title  # (before any diagnostic names it)
            if first.extra.get(PROSE):
                # a report's sentence of indicators under the heading of its section on the goals (or on its line)
                # states the goals set
                self._report_goal(" ".join(first.texts))
            if not current.sheet.goals and self._prose_goal:
                current.sheet.goals = [self._prose_goal]
            self._prose_goal, self._goals_section = None, False
            # (a report's first sentence of indicators may say the money too: …实际完成…264户,发放补助资金为278.8万元;
            # a self-evaluation report's sentences say it above its goal table: 全年预算数2565万元,全年执行数2565万元)
            self._header_text(current, reported=reported or self._report_title is not None,
                              said=" ".join(first.texts) if reported else "")
            if first.extra.get(PROSE) and not reported:
                current.total_from_sentences(self._block())  # a notice setting a project's goals in sentences
        self._block_text = []
        end = _before_value_headings(lines, header.end, body_end(lines, header.end, self.settings, header.interleaved),
                                     header.columns.kinds)
        for index in range(header.end, end):
            if index in header.interleaved:
                continue  # a heading among the first rows' cells: counted with the header
            line = lines[index]
            self.deadline.check(line)
            self.accounting.tokens += len(line.filled)
            if parts_break(line):
                self.accounting.chrome += len(line.filled)  # (续表 or the page's number between the parts)
                continue
            current.feed_line(line)
        current.close_grid()
        if reported:
            current.reported = True
            _report_budget(current, "\n".join(" ".join(line.texts) for line in lines[header.start:end]),
                           named=self._names_fund())
        # a web page's footer after the grid (第 1 页 共 3 页, 上一篇, 网站标识码) is no part of the file's content: a
        # copy cut inside its grid still ends there
        file_ends = _only_chrome(lines[end:])
        if file_ends and end > header.end:
            self._cut(current, lines[header.end:end])
        elif file_ends and not current.sheet.indicators:
            # the file stops inside or right after the header (…| 全年实际完成值 | 未完成原): no row was printed
            heading = next((token for token in reversed(header.tokens) if token.text.strip()), None)
            if heading is not None:
                self._cut_before_rows(current, heading.line or lines[-1].line, [heading.text.strip()])
        elif end > header.end and current.sheet.indicators and _level_heading_left(lines[end:]):
            # a report in prose stops on the heading of its next category (4.社会效益指标。体现党和政, corpus 221;
            # (二)效益指标 | 社会效益指标(bi, 223): the grid goes on after the cut
            self._cut(current, lines[header.end:end])
        elif end > header.end and current.sheet.indicators and _headings_left(lines[end:]):
            # the file stops after the rows' names, on the heading of their values (P124): the values are lost
            heading = next(token.text.strip() for line in reversed(lines) for token in reversed(line.filled)
                           if token.text.strip())
            location = Location(file=self.source, table=current.ordinal, sheet=current.sheet.key, line=lines[-1].line)
            self.diagnostics.append(diagnostic("P124", location, heading=heading, line=lines[-1].line))
            current.cut = current.values_cut = True
        return end

    def _cut(self, builder: SheetBuilder, body: list[Line]) -> None:
        """The file ends inside a table: say where, when its last row is open and its indicator lacks a target
        (P114; P120 when a text copy stops before the row's target column: the row is cut, so it is left out) or,
        in a text copy, when the grid stops before any 满意度指标, its last part (P119): web pages and partial copies
        cut tables off there, and what follows the cut cannot be judged missing."""
        indicators = builder.sheet.indicators
        last = next((line for line in reversed(body) if line.kind is not LineKind.BREAK), None)
        if last is not None and last.line is None and self.file_format in _WHOLE_TABLES:
            # a Word or Excel table ends where its last row does, however that row is filled: the file holds the
            # table whole (a row without a target is the table's, and the review says so)
            return
        if last is None or builder.claimed.get("conclusions") or last.extra.get(PLANNED):
            # (the table's closing fields were read in its last line: it ends in the file; a plan table's project
            # row gives its goals whole, with no 满意度指标 to be missing)
            return
        if not indicators:
            # the file stops after the header, on the grid's frame label and first level names: the rows are all
            # after the cut
            texts = [token.text.strip() for line in body for token in line.filled]
            if _levels_only(texts):
                self._cut_before_rows(builder, last.line, texts)
            return
        # a pipe row stopping before the closing bar the rows above it end with was cut inside a cell; so was a padded
        # table's row the file's end leaves short of the table's width (:mod:`.padded`), whatever stands above it
        cut_cell = (last.extra.get("short") or last.extra.get("open_end") and any(
            line.extra.get("piped") and not line.extra.get("open_end") for line in body[:-1])) and bool(
            indicators[-1].name) and any(indicators[-1].name in text for text in last.texts)  # (its indicator's row)
        # only where the text's own lines say where rows end (not in text cut into cells by the labels)
        own_lines = self.file_format == "txt" and not last.extra.get("segmented")
        # a sentence stopping on a bare figure after a target written with its unit (…目标值大于等于85户,实际完成40):
        # the file stops inside the figure of what was achieved, whose digits may go on
        cut_figure = builder.cut_actual("".join(last.texts)) if own_lines and last.extra.get(PROSE) else None
        # a file stopping on a line of level names alone (…｜满意度指标) cuts the rows under them: the row above, its
        # own line closed, is whole even without a target (a 可持续影响 row that gives only its wording)
        before = next((line for line in reversed(body[:-1]) if line.kind is not LineKind.BREAK), None)
        after_whole_row = _levels_only([token.text.strip() for token in last.filled]) and before is not None \
            and before.extra.get("piped") and not before.extra.get("open_end")
        # a row of a text without bars printing fewer cells than every scored row above it, or stopping on a bare
        # figure where a unit is printed: the copy stops inside it, its target read or not (a pipe row keeps its
        # empty cells, as many as the table's others or not: only its missing closing bar says it is cut; a TAB row
        # has lost its trailing ones, as text does). In any layout, a self-evaluation's row that stops on its
        # target, where every row above goes on to its actual, ends the copy: the table printed whole goes on to
        # its total, so its last row was cut before its actual
        stops_inside = own_lines and ((not last.extra.get("piped") or last.extra.get("tabbed")) and (
            builder.last_row_narrower() or builder.cut_target("".join(last.texts)))
            or builder.last_row_stops_before_actual())
        open_row = body[-1].kind is not LineKind.BREAK and not after_whole_row and (
            not indicators[-1].target.raw or cut_cell or cut_figure is not None or stops_inside)
        # a line ending a sentence (a prose cell: …，优化校园生态环境。) was not cut by the end of the file
        sentence_ends = "".join(last.texts).rstrip().endswith(_SENTENCE_ENDS)
        # text cut into cells by the labels that ends on the last row's name, with nothing beside it: the file
        # stops inside that name or just after it (…满意度指 | 公益林提供管), before the row's value
        ends_on_name = bool(last.extra.get("segmented") and indicators[-1].name and not indicators[-1].extra
                            and "".join(last.texts).rstrip().endswith(indicators[-1].name))
        line = last.line if last.line is not None else last.row  # (a text file's line, a Word or Excel table's row)
        if open_row and not sentence_ends and (
                ends_on_name or stops_inside or own_lines and (cut_cell or cut_figure is not None or builder.last_row_stops_short())):
            # a web copy's text stops inside the row, before its target or inside a cell: not an indicator
            # (a row whose target was read stops inside a later cell: its last cell may be cut, 10 of 100)
            where = (Phrase("在实际完成值“{figure}”处", {"figure": cut_figure}) if cut_figure is not None
                     else Phrase("在最后一个单元格“{cell}”处", {"cell": last.texts[-1].strip()})
                     if indicators[-1].target.raw else Phrase("在指标值之前"))
            cut_name = indicators[-1].name
            builder.drop_last()
            if last.extra.get(PROSE) and indicators and builder.last_line() == last.line and opens_achievement(cut_name):
                # the sentence stops inside the clause of what the item before was achieved (…计划小时数≥80%,实际完):
                # that item's row is cut as well
                builder.drop_last()
            # the cut row's cells are what was set aside
            code, fields, set_aside = "P120", {"line": line, "text": quoted_cells(last.texts, limit=40),
                                               "where": where}, list(last.texts)
        elif open_row:
            code, fields, set_aside = "P114", {"line": line, "text": quoted_cells(last.texts, limit=40)}, []
        elif self.file_format == "txt" and not any(i.level1 == "满意度指标" for i in indicators):
            code, fields, set_aside = "P119", {"line": line, "name": indicators[-1].name[:40]}, []
        else:
            return
        # (built only here: a Location is validated on creation, and most grids that reach the file's end are whole)
        location = Location(file=self.source, table=last.table or builder.ordinal, sheet=builder.sheet.key,
                            line=last.line, row=last.row if last.line is None else None)
        if not builder.sheet.indicators and not (builder.sheet.name or builder.sheet.code) and _all_prose(body):
            # the only row of a report's sentences read as a grid was cut (its one sentence of an indicator stops
            # inside its figure): nothing of a table is left, so no sheet either; the text is prose
            builder.columns = None
            location = location.model_copy(update={"table": None, "sheet": None})
            # (the sheet is not finished: its tokens are counted here, the cut row's by the diagnostic's)
            self._count(builder)
        self.diagnostics.append(diagnostic(code, location, set_aside, **fields))
        builder.cut = True  # rows after the cut are missing: the printed points cannot add up to the whole

    def _cut_before_rows(self, builder: SheetBuilder, line: int | None, texts: list[str]) -> None:
        """The file ends in a grid before its first row (P126): the grid's emptiness is the cut's, not the table's."""
        location = Location(file=self.source, table=builder.ordinal, sheet=builder.sheet.key, line=line)
        self.diagnostics.append(diagnostic("P126", location, line=line, text=quoted_cells(texts, limit=40)))
        builder.cut = True

    def _long_table(self, lines: list[Line], header, long_header) -> int:
        end = header.end
        table = lines[header.start].table
        while end < len(lines) and lines[end].kind is LineKind.ROW and lines[end].table == table:
            end += 1
        for line in lines[header.end:end]:
            self.accounting.tokens += len(line.filled)
        context = self.current if self.current is not None and not self.current.has_content else None
        self.current = None
        ordinals = count(len(self.sheets) + 1)
        for builder in build_long_table(
            lines[header.start].as_row(), long_header, [line.as_row() for line in lines[header.start + 1:end]],
            lambda: SheetBuilder(self.source, next(ordinals), like=context),
        ):
            self.deadline.check(lines[header.start])
            self.current = builder
            self._finish()
        # The long layout spreads a project's cells over label rows: every body cell lands in a sheet field, an
        # indicator or a diagnostic of the builder, which counts only indicator tokens; the rest are fields.
        self.accounting.placed = self.accounting.tokens - self.accounting.diagnosed - self.accounting.chrome
        return end

    # -- lines outside tables ----------------------------------------------------------------------------
    def _outside(self, line: Line) -> None:
        inner = _inner_label(line.tokens[0].text) if line.extra.get("segmented") and line.tokens else None
        if inner:  # a header block run together: each label opens a row of its own
            text = line.tokens[0].text
            for piece in (text[:inner], text[inner:]):
                self._outside(Line([Token(piece, line.line)], line.kind, line.line, extra=line.extra))
            return
        joined = " ".join(line.texts)
        self._block_text.append((line.line, joined))
        for token in line.filled:
            found = label(token.text)
            if found.role in (Role.LEVEL1, Role.LEVEL2) and found.kind:
                self._levels_outside.setdefault(found.kind, line.line)
        self._report_names(joined)
        self._report_goal(joined, row=line.kind is LineKind.ROW)
        if line.kind is LineKind.BREAK:
            self._close_open()
            return
        if line.kind is LineKind.ROW:
            self._close_open()
            self._open = _labels_apart(line.as_row())  # held: indented lines below may continue its last cell
            self._open_is_row = True
            return
        text = line.tokens[0].text if line.tokens else ""
        if not text.strip():
            return
        if line.kind is LineKind.PARAGRAPH and not split_label_value(text):
            self._close_open()
            self._paragraph(text, line.line)
            return
        if line.kind is LineKind.PARAGRAPH:
            # a header-block field written as a paragraph above the grid (项目名称：…, a Word form's or a PDF's lines
            # over the indicator table) is the one-cell line a text file gives for it
            self._close_open()
            self._cell(text, line.line)
            return
        if self._open_is_row and self._open is not None and not header_label(text) and (
                line.tokens[0].indent or _next_item(self._open.cells[-1].text, text)):
            last = self._open.cells[-1]
            last.text = f"{last.text}\n{text}"
            return
        if self._open_is_row:
            self._close_open()
        self._cell(text, line.line)

    def _report_names(self, text: str) -> None:
        """Note the fund a report's title names (the first title only: a site repeats it in its summary) and the
        fund of a section heading in a report."""
        facts = cell_facts(text)
        self._titled_report = self._titled_report or facts.report_title
        self._report_year = self._report_year or facts.year
        self._allotted |= facts.allotted
        self._published = self._published or facts.published
        if self._report_title is None:
            self._report_title = facts.name
        elif fund := facts.fund:
            self._report_fund = fund
        if project := facts.project:
            # a publication of several projects' goals heads each with its name: the next grid is that project's
            self._report_fund = project
            self._project_heading = True

    def _report_goal(self, text: str, row: bool = False) -> None:
        """Note the goals a report's section on them states: on its numbered heading's line (``(二)项目绩效目标。2022年
        …``) or in the paragraph under the heading (``一、绩效目标情况`` / ``根据…任务数为115户,实际完成…``); a row of
        cells under the heading is the form's, and so is a header-block field (项目名称：…), not a statement."""
        if not text.strip():
            return
        stated = cell_facts(text).goals
        if stated is None and self._goals_section:
            stated = None if row or header_label(text) or split_label_value(text) else text
        self._goals_section = stated == ""
        if stated:
            self._prose_goal = stated_goal(stated) or self._prose_goal

    def _cell(self, text: str, number: int | None) -> None:
        """A one-cell line outside a table: a header-block label opens a row; values join the open row. A label
        run together with its value (``项目编码434-…``) is split at the label."""
        inner = _inner_name_label(text)
        if inner:
            self._cell(text[:inner], number)
            text = text[inner:]
        if (after := _next_field(text)) is not None:
            self._cell(text[:after].strip(), number)  # 项目名称:XX 预算金额:12万元: each label with its own value
            self._cell(text[after:].strip(), number)
            return
        if spaced := spaced_goals(text):
            for piece in spaced:  # (the goals' label spaced from its goals on one line: a row of its own)
                self._cell(piece, number)
            return
        label_part = _leading_label(text)
        if label_part and (headings := _labels_only(text)):
            # a wide form's row of headings over its values (单位代码单位(专项)名称资金总额实施期绩效目标绩效指标): each
            # label a field of its own with nothing beside it, the grid's heading after them no field's value
            self._close_open()
            fields = [piece for piece in headings if header_label(piece)]
            self._open = Row(cells=[Cell(text=piece, column=at, line=number) for at, piece in enumerate(fields)],
                             line=number)
            self._close_open()
            for piece in headings[len(fields):]:
                self._paragraph(piece, number)
            return
        if label_part and label_part != text:
            self._cell(label_part, number)
            text = text[len(label_part):]
            inner_at = _inner_field_label(text)
            if inner_at:  # 部门(单位)名称XX办事处区级支出预算总量3724.39: the name, then the amount's own label
                self._cell(text[:inner_at].strip(), number)
                self._cell(text[inner_at:], number)
                return
        open_row = self._open
        money = money_key(text)
        if open_row is not None and _joins_money_heading(open_row, text):
            last = open_row.cells[-1]
            if money_key(last.text + text) and not money_key(last.text):
                last.text += text  # a money heading broken over lines (年初 / 预算数)
            else:
                open_row.cells.append(Cell(text=text, column=len(open_row.cells), line=number))
            return
        is_label = bool(header_label(text) or split_label_value(text) or money in _OPENING_MONEY) or (
            goals_word(text) == "expected" and not _goals_labels(open_row))  # 预期目标 opens a goals block's row
        # (a row of options with their boxes, its field's label left out, is the header's: 1、部门预算项目 □ 2、省直专项 □)
        is_label = is_label or is_option_row(text)
        # a label whose value is in the next row (年度总体目标 over its goals) takes the lines below as that row, and so
        # do amount labels heading columns whose figures come one per line (本年度预计投入(万元) | 财政资金(万元) over 25 / 25)
        awaited = self.current is not None and (
            self.current.awaits_value or self.current.awaits_amounts and parse_amount(text) is not None)
        # (a label with its value is no title, even a name that reads like one: 项目名称：…支出绩效自评表, nor is the
        # line under a 项目名称 label alone on its line, its value)
        named = open_row is not None and len(open_row.cells) == 1 and header_label(open_row.cells[0].text) == "name"
        if parse_title(text) and not split_label_value(text) and not named or (
                open_row is None and not is_label and not awaited):
            self._close_open()
            self._paragraph(text, number)
            self._loose = [] if parse_title(text) else [*self._loose, text]
        elif is_label or open_row is None or self._takes_no_more(open_row, text):
            self._close_open()
            self._before_open, self._loose = self._loose, []
            self._open = Row(cells=[Cell(text=text, column=0, line=number)], line=number)
        else:
            open_row.cells.append(Cell(text=text, column=len(open_row.cells), line=number))  # type: ignore[union-attr]

    def _takes_no_more(self, row: Row, text: str) -> bool:
        """An amount label takes one amount, or one figure per heading of the money table above it; a following
        line that is not one begins something new."""
        field = header_label(row.cells[0].text)
        if field not in _AMOUNT_FIELDS:
            return False
        columns = 0 if self.current is None else (
            self.current.part_columns if field in ("fiscal", "other", "source") else self.current.money_columns)
        if columns > 1:
            return len(row.cells) > columns or not is_figure(text)
        return len(row.cells) > 1 or parse_amount(text) is None

    def _close_open(self) -> None:
        self._open_is_row = False
        before, self._before_open = self._before_open, []
        if self._open is not None:
            row, self._open = self._open, None
            self._loose = []
            if len(row.cells) == 1 and header_label(row.cells[0].text) == "name" and (name := _name_before(before)):
                # a name label closed with no value after it: its value is the lines of words printed before it
                row.cells.append(Cell(text=name, column=1, line=row.line))
            self._row(row)

    def _paragraph(self, text: str, number: int | None) -> None:
        if is_chrome(text):
            return
        title = parse_title(text)
        current = self.current
        if title and current is not None and not current.has_content and _says_more(current.sheet.title, title):
            return  # the form's own title under a page's heading that says it more fully (…自评表(市场监管经开区分局))
        if title:
            self._other_table = False
            self._new_sheet(title)
            return
        if is_other_table_title(text) or self._other_table and not _GOALS_TITLE.search(text):
            self._other_table = True
            return
        self._other_table = False  # (a goal table's title written as the parser does not know it: 績效目標表)
        self._prose_goal = goals_in_prose(text) or self._prose_goal
        current = self.current
        if current is None and (unit := parse_money_unit(text)):
            self._money_unit_ahead = unit  # (the money unit stated above a form with no title: the next sheet's)
        elif current is None and (year := table_year(text)):
            # (so is the year printed alone under a title not read as one, or stated by that title)
            self._year_ahead = year
        elif current is None or not current.has_content:
            if not (current and current.set_unit_from_text(text)):
                self.overall.feed(text)

    def _row(self, row: Row) -> None:
        filled = row.filled
        if len(filled) == 1 and label(filled[0].text).role is Role.CHROME:
            return
        if len(filled) == 1 and is_other_table_title(filled[0].text):
            self._other_table = True
        if self._other_table:
            return
        current = self.current
        if current is None or current.starts_another_sheet(row):
            current = self._new_sheet()
        current.feed(row)


_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]$")
# a piece of a form's title or its year broken over lines (财政项目支出绩效自评表 | (2022 | 年度)), or the attachment's
# number above it (附件2): no project's name
_FORM_PIECE = re.compile(r"[(（]?\s*+(?:(?:19|20)\d{2})?\s*+(?:年度?)?\s*+[)）]?|.*表|附[件表]\s*\d*")  # (spaces taken whole)
_LONGEST_NAME_LINES = 3


def _name_before(lines: list[str]) -> str | None:
    """The project name a PDF's text flow printed before its label: the last lines of words before it (one to
    three, the lines a wrapped name cell holds), none of them a sentence, a piece of the form's title or year or a
    field's line; None when the lines before the label are none of those."""
    pieces: list[str] = []
    for text in reversed(lines):
        text = text.strip()
        if len(pieces) == _LONGEST_NAME_LINES or _FORM_PIECE.fullmatch(text) or text.endswith(_SENTENCE_ENDS) or \
                not _CJK_WORD.search(text) or is_chrome(text) or _LABELLED.search(text):
            break
        pieces.insert(0, text)
    return "".join(pieces) or None


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2}")
_LABELLED = re.compile(r"[:：]")  # a field's line (填报单位(盖章):XX局, 单位：万元): no name has a colon


# the number opening an item of a list in a cell (1. 2、 (3) （4）)
_ITEM = re.compile(r"^\s*(?P<open>[(（]?)(?P<number>\d{1,2})(?P<close>[.．、)）])")


def _next_item(cell: str, text: str) -> bool:
    """Whether ``text`` is the next item of the numbered list the cell's last line is an item of (1.对…学生发放就学补助;
    over 2.补助标准为…, a goals cell whose list a web copy broke over rows of one cell)."""
    last, found = _ITEM.match(cell.splitlines()[-1] if cell.strip() else ""), _ITEM.match(text)
    return bool(last and found) and int(found["number"]) == int(last["number"]) + 1 and (
        found["open"], found["close"]) == (last["open"], last["close"])


def _says_more(fuller: str | None, title: str) -> bool:
    """Whether a title standing above ``title`` with nothing between is ``title`` with a bracketed qualifier
    after it (区域绩效目标自评表(市场监管经开区分局) above 区域绩效目标自评表: a page's heading, then the form's own
    title). Words a page adds before a title are left alone: the review reads a project name there."""
    if not fuller:
        return False
    fuller, title = fuller.replace(" ", ""), title.replace(" ", "")
    return fuller != title and _QUALIFIER.sub("", fuller) == title


def _report_budget(builder: SheetBuilder, text: str, named: bool) -> None:
    """The budget a self-evaluation report says only among or after its indicators' sentences (1、数量指标 / 2022年初
    农村危房改造资金预算安排300.7万元,用于…), where its header text said none: the budget, never what was spent (the
    header text's, where a report says it); where the report's title and headings name no fund (``named`` false),
    the fund a sentence allots the money to names the sheet."""
    if {"budget_full", "budget_initial"} & builder.money.keys():
        return
    allotted = allotted_in_prose(text)
    if budget := money_in_prose(text).get("budget_full"):
        builder.money["budget_full"] = budget
        if builder.sheet.budget.total is None:
            # (a report cut before its results quotes its goals as a goal table: no self-evaluation's money block
            # to take the budget from, the sentence's amount is the sheet's total all the same)
            builder.sheet.budget = builder.sheet.budget.model_copy(update={"total": parse_amount(budget)})
    elif len(allotted) > 1:
        builder.said_several(f"{amount}万元" for _, amount in allotted)  # (several allotments: which is the total?)
    if len(allotted) == 1 and not named and builder.sheet.name is None and fund_name(allotted[0][0]):
        # a report whose title names only the kind of money (XX红十字会2020年度专项资金绩效评价报告) names the fund
        # in the sentence that allots it (财政下达红十字事业支出专项资金28万元)
        builder.sheet.name = allotted[0][0]


_MISALIGNED_KEYS = {"budget_initial", "budget_full", "spent", "execution_rate", "weight", "score"}


def _money_block(builder: SheetBuilder) -> bool:
    """Whether a header block that opened no grid holds a self-evaluation's (or monitoring table's) money table for
    certain: its headings printed (年初预算数 | 全年预算数 | 全年执行数 | 执行率 …) and under them a budget and the amount
    spent read as figures. Such a sheet is kept without indicators: the audit checks its money all the same."""
    money = builder.money
    figures = [parse_amount(money.get(key, "").strip().rstrip("%")) for key in ("budget_initial", "budget_full", "spent")]
    budget_read = figures[0] is not None or figures[1] is not None
    return bool(builder.money_headings) and budget_read and figures[2] is not None and sheet_kind(
        builder.sheet, [], builder.claimed, money) in (SELF_EVAL, MONITOR)


def _misaligned(money: dict[str, str]) -> bool:
    """Whether a money table's figures were read under the wrong headings: a percentage anywhere but under 执行率 (a
    score, a weight or an amount is never one), or an amount under it (285.84: no rate is over twice the budget,
    and a rate printed as a fraction, 1.00, has no sign to tell it by)."""
    rate = parse_amount(money.get("execution_rate", "").strip().rstrip("%"))
    return any(figure.strip().endswith("%") for key, figure in money.items()
               if key in _MISALIGNED_KEYS - {"execution_rate"}) or (rate is not None and rate > _MOST_RATE)


_MOST_RATE = 200  # percent: a rate over it is an amount read under 执行率


def _opens_sheet(text: str) -> bool:
    """Whether a piece of text outside tables begins the next sheet's header block (its title, its 项目名称)."""
    return parse_title(text) is not None or header_label(text.split("|")[0].strip()) in ("name", "code")


def _budget_of_year(budget: Budget, evaluation: ReportedEvaluation) -> Budget:
    """A self-evaluation whose header block names no 资金总额 states it in its money table's 年度资金总额 row: the
    year's (adjusted) budget, else the budget at the start of the year. A printed 0 is a blank, not the total."""
    if budget.total is not None:
        return budget
    return budget.model_copy(update={"total": evaluation.budget_full or evaluation.budget_initial or None})


@cache
def _name_labels() -> re.Pattern:
    spellings = [word for field in ("name", "code") for word in labels()["header"][field] if len(word) >= 4]
    # (a label spaced out to fill its cell is the label still: 项 目 名 称)
    return re.compile("|".join(r"\s?".join(map(re.escape, word)) for word in sorted(spellings, key=len, reverse=True)))


@cache
def _labels() -> re.Pattern:
    spellings = run_on_spellings([word for words in labels()["header"].values() for word in words if len(word) >= 4])
    # (其中 before a part of the total belongs to its label: 其中:财政拨款)
    return re.compile(r"(?:其中[:：]?)?(?:" + "|".join(sorted(map(re.escape, spellings), key=len, reverse=True)) + ")")


# Both are asked of every cell of a header block's rows, the second once per prefix of up to _LONGEST_LABEL
# characters: memoised, as the vocabulary's lookups are.
@lru_cache(maxsize=TEXT_MEMO)
def _inner_label(text: str) -> int | None:
    """Where a header-block label begins inside a cell that run-together text left holding several of them
    (``项目名称某专项资金补助区域某市资金情况(万元)资金总额:15其中:财政拨款15…``), or None: the cell's text before
    it is the value of the label before."""
    money = _MONEY_TABLE.search(simplified_in_place(text))
    if money is None:
        match = _labels().search(text, 1)
        return match.start() if match else None
    # a self-evaluation's money table run together: its labels stand among its figures, but the fields before it
    # (项目名称XX主管部门YY实施单位:ZZ项目资金(万元)年初预算数…全年执行数…) are cut apart all the same, up to its money
    match = _labels().search(text, 1, money.start())
    return match.start() if match and header_label(match.group()) not in _MONEY_LABELS else None


# a label and its colon after a space, inside a label:value line's value: the next field of the line
_SPACED_FIELD = re.compile(r"\s(?P<label>[^\s:：]{2,%d})[:：]" % _LONGEST_LABEL)
_COLON = re.compile(r"[:：]")


def _next_field(text: str) -> int | None:
    """Where the next field begins in a label:value line whose fields are set apart by one space only (a PDF's or a
    site's line: 项目名称:XX 预算金额:12万元, 主管部门:XX局 实施单位:YY中心): at another label of the vocabulary with its
    colon after a space; None when the line holds one field, or is no label:value line."""
    start = _COLON.search(text)
    if start is None:
        return None
    found = next((match for match in _SPACED_FIELD.finditer(text, start.end()) if header_label(match["label"])), None)
    # (whether the line is a label:value line is asked last, of the few lines holding a second label with its colon:
    # a line without a colon is none)
    return found.start() + 1 if found and split_label_value(text) is not None else None


def _inner_field_label(text: str) -> int | None:
    """Where another field's label begins inside a label's value run together with it, or None: a label standing
    apart between spaces (中共宁德市委党史和地方志研究室 部门预算编码 901001033), or an amount's label with its amount
    after it (…办事处区级支出预算总量3724.39), or a second project-name label (一级项目名称XX二级项目名称YY: the form names
    the fund, then the project); other label words inside a value are the value's own."""
    at = _inner_label(text)
    found = (_leading_label(text[at:]) or "").strip() if at else ""
    if not found:
        return None
    rest = text[at + len(found):]
    apart = text[at - 1].isspace() and (not rest or rest[0].isspace())
    field = header_label(found)
    return at if apart or field == "name" or field in _AMOUNT_FIELDS and parse_amount(rest) is not None else None


_LABELS_IN_A_ROW = 3  # labels run together that make a row of headings (two may be a label and a value that is one)


def _labels_only(text: str) -> list[str] | None:
    """The labels ``text`` is made of when it is nothing but labels run together (单位代码单位(专项)名称资金总额实施期绩效目标
    绩效指标: a wide form's row of headings over the values below, the grid's heading last), no value among them;
    else None."""
    pieces = []
    while text:
        if header_label(text) or column_label(text):
            pieces.append(text)
            break
        lead = _leading_label(text)
        if lead is None:
            return None
        pieces.append(lead)
        text = text[len(lead):]
    return pieces if len(pieces) >= _LABELS_IN_A_ROW else None


def _labels_apart(row: Row) -> Row:
    """The row with each cell that opens with a header-block label and runs further labels and their values
    together (``项目名称初中公用经费主管部门某市教育局``, a document site's copy of a form) cut into a cell per label
    and per value."""
    # (a label inside the cell is asked first: one search, where the label it opens with is sought at each prefix)
    if not any(_inner_label(cell.text) and _leading_label(cell.text) for cell in row.cells):
        return row  # (the usual row: no cell is cut, and none is copied)
    cells = []
    for cell in row.cells:
        pieces = _label_pieces(cell.text) if _inner_label(cell.text) and _leading_label(cell.text) else [cell.text]
        cells += [Cell(text=piece, column=cell.column, line=cell.line, indent=cell.indent) for piece in pieces]
    return row if len(cells) == len(row.cells) else Row(cells=cells, table=row.table, row=row.row, line=row.line)


def _label_pieces(text: str) -> list[str]:
    """``text`` cut after the label it opens with (the longest: 年度总体目标, not 年度) and before each label inside the
    value that follows, and so on."""
    pieces = []
    while text:
        label_part = _leading_label(text)
        if label_part:
            pieces.append(label_part)
            text = text[len(label_part):]
        inner = _inner_label(text)
        pieces.append(text[:inner] if inner else text)
        text = text[inner:] if inner else ""
    return [piece for piece in pieces if piece.strip()]


def _inner_name_label(text: str) -> int | None:
    """Where a project name or code label begins inside a cell of text run together from a form's cells
    (``…自评表(2021年)项目名称初中公用经费…``): the project's fields begin there. None when none does, or at the
    start (the label is then the cell's own)."""
    simplified = simplified_in_place(text)
    match = next((found for found in _name_labels().finditer(simplified, 1) if not _inside_label(simplified, found)),
                 None)
    return match.start() if match and not split_label_value(text[:match.start()]) else None


_LABEL_PREFIX = 4  # characters a longer label may hold before a name or code label (二级项目名称, 一级项目编码)


def _inside_label(text: str, found: re.Match) -> bool:
    """Whether the name or code label ``found`` is the end of a longer label of the vocabulary (二级项目名称 holds
    项目名称, 一级项目编码 项目编码): the longer label is the cell's, no new field begins inside it."""
    start = max(0, found.start() - _LABEL_PREFIX)
    return any(outer.start() < found.start() and outer.end() >= found.end()
               for outer in (_labels().match(text, at) for at in range(start, found.start())) if outer)


def _goals_labels(row: Row | None) -> bool:
    """True for an open row of a goals block's labels alone (年度总体目标 | 年初设定目标): its headings join it."""
    return row is not None and all(goals_word(cell.text) for cell in row.cells)


@lru_cache(maxsize=TEXT_MEMO)
def _leading_label(text: str) -> str | None:
    """The header-block label a line starts with when its value follows without a separator."""
    if header_label(text) or split_label_value(text) or goals_word(text) or money_key(text):
        return None  # (a money heading is one word: 年度执行数 is not the label 年度 run on with its value)
    lengths = range(min(_LONGEST_LABEL, len(text) - 1), 1, -1)
    for length, found in zip(lengths, header_labels([text[:length] for length in lengths])):
        # (a label word closing a bracket is the end of the form's year broken over lines: (2022 | 年度))
        if found and text[length] not in ":：(（" and not _FORM_WORD.match(text[length:]) and text[length:].strip(
                " )）"):
            return text[:length]
    return None


def _joins_money_heading(row: Row, text: str) -> bool:
    """Whether ``text`` continues the money table's row of headings that ``row`` holds: it completes the last
    heading (年初 + 预算数), or is a heading after one (or after the row's 项目资金 label)."""
    last = row.cells[-1].text
    if is_budget_group(last, text):
        return False  # (the group's heading stands alone above its parts, as a grid's merged cell does)
    if money_key(last + text) and not money_key(last):
        return True
    return money_key(text) is not None and (
        money_key(last) is not None or header_label(row.cells[0].text) == "budget_section")


# A category's heading as a prose report numbers it: (二)效益指标, 4.社会效益指标。…
_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]?")
_LEVEL_OPENING = re.compile(r"^(产出|效益|效果|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)"
                            r"(指标|目标)")


def _only_chrome(lines: list[Line]) -> bool:
    """True when ``lines`` hold nothing but a web page's furniture (or nothing at all)."""
    return all(is_chrome(token.text) for line in lines for token in line.filled if token.text.strip())


def _same_columns(kinds: list[str], again: list[str]) -> bool:
    """Whether a header of columns ``again`` repeats the grid's of ``kinds`` on a new page. The cells a header merges
    down its two rows, the form's vertical 绩效指标 label and the 一级指标 heading beside it, stand on its first row
    only: a page's repeat of its second row, or of both, prints them or not. A header whose headings a text copy broke
    over lines (一级指标 | 二级指标 | 三级指标 | 年度 指标值 / 实际 完成值 / 分值 | 得分 | …) may be repeated by its first
    line alone, its columns up to the target's: the grid's first columns, in their order."""
    kinds, again = [kind for kind in kinds if kind != FRAME], [kind for kind in again if kind != FRAME]
    if kinds[:1] == ["level1"] and again[:1] != ["level1"]:
        kinds = kinds[1:]
    return kinds == again or "target" in again and again[-1] == "target" and kinds[:len(again)] == again


def _levels_only(texts: list[str]) -> bool:
    """Whether ``texts`` are level names or the grid's frame label only (and at least one)."""
    return bool(texts) and all(label(text).role in (Role.LEVEL1, Role.LEVEL2) or is_frame_label(text) for text in texts)


def _all_prose(body: list[Line]) -> bool:
    """Whether every line of a grid's body holding text is prose (:mod:`.prose`: a report's sentences)."""
    return all(line.extra.get(PROSE) for line in body if line.filled)


def _level_heading_left(lines: list[Line]) -> bool:
    """True when all the file holds after a grid's rows opens on the heading of a category of indicators (效益指标,
    社会效益指标), each line one such heading with at most the start of its text: the file stops inside the grid."""
    cells = [token.text.strip() for line in lines for token in line.filled[:1]
             if token.text.strip() and not is_chrome(token.text)]  # (a web page's footer after it is no content)
    return bool(cells) and all(_LEVEL_OPENING.match(simplified(_NUMBERING.sub("", cell))) for cell in cells)


def _before_value_headings(lines: list[Line], start: int, end: int, kinds: list[str]) -> int:
    """Where the body that runs from ``start`` to ``end`` ends when the file stops on the heading of the values
    column after the rows' names, under a header that names no values column (一级指标 | 二级指标 | 三级指标, then the
    names, then 指标值): a PDF's text printed the table column by column, each column's heading above its cells, and
    the copy ends before the values (:func:`_headings_left`). ``end`` otherwise."""
    if any(kind in _VALUE_COLUMNS for kind in kinds):
        return end
    at = end
    while at > start and _headings_left(lines[at - 1:end]):
        at -= 1
    return at if at < end and any(line.filled for line in lines[start:at]) else end


def _headings_left(lines: list[Line]) -> bool:
    """True when all the file holds after a grid's rows is the closing 总分, page numbers and, last, a heading of
    the grid's value columns (…满意度 总分 -2- 年度 指标值, corpus 208): a PDF's text gives a table's columns in blocks,
    names before values, and the file stops right after the heading of the values, which are lost with the cut."""
    cells = [token.text.strip() for line in lines for token in line.filled
             if token.text.strip() and not is_chrome(token.text)]  # (a web page's footer after it is no content)
    if not cells or label(cells[-1]).role is not Role.HEADING or label(cells[-1]).kind not in _VALUE_COLUMNS:
        return False
    return all(label(cell).role in (Role.HEADING, Role.TRAILER, Role.FIELD) or PAGE_NUMBER.match(cell)
               for cell in cells)

"""Understanding the cells of a sheet's header block: amounts, the unit line, the money unit, plan points."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.model import MoneyUnit, Period, Unit
from jixiao.model.lexicon import TEXT_MEMO, as_written, fold, simplified
from jixiao.model.numerals import chinese_to_decimal, written_number

__all__ = ["fund_name", "said_project", "title_money_unit", "parse_amount", "parse_field_amount", "amount_unit", "parse_coded_name", "parse_unit_line", "parse_money_unit", "label_money_unit", "is_checkpoint", "parse_year", "title_year", "year_line", "year_mark", "report_year", "publication_year", "table_year", "parse_span", "parse_title",
           "report_name", "fund_heading", "goals_heading", "is_other_table_title", "parse_unit", "said_totals", "title_project"]

# a unit written after its budget code, bare, after a dash or in brackets (434016遵化市西留村乡人民政府,
# 820001-井研县马踏镇人民政府, [610001]湖南省…有限公司, (433001)乌海市供销合作社联合社)
# (not an amount and its money unit: 165万元)
_UNIT_LINE = re.compile(r"^(?:(\d{3,12})\s*[-—－]?|[\[［(（](\d{3,12})[\]］)）])\s*(?!万?元$)([\u4e00-\u9fff（）()、]{2,})$")
# a year opening a title or a line under it (2019年度, (2020)年度), not a unit's code: 2022年省级第七批水利专项资金安排表
_YEAR_START = re.compile(r"^[(（]?(?:19|20)\d{2}[)）]?\s*年")
# a project written as its budget-system code and its name, the code before it after a dash or a space or in
# brackets (``51000021R000000019951-工资性支出``, ``[51000021R…]工资性支出``), or in brackets after it
_CODED_NAME = re.compile(r"^(?:[\[［【(（](?P<bracketed>[0-9A-Z]{12,30})[\]］】)）]\s*[-—－]?|(?P<code>[0-9A-Z]{12,30})"
                         r"(?:\s*[-—－]|\s))\s*(?P<name>\S.*)$|^(?P<before>\S.*?)\s*[(（](?P<after>[0-9A-Z]{12,30})[)）]$",
                         re.S)
_MONEY_UNIT = re.compile(r"^[(（]?(?:金额)?单位[:：]\s*(万元|元)[)）]?$")
_CHECKPOINT = re.compile(r"^(?:\d{1,2}月(?:底|末|份|末前|底前)?|第?[一二三四1-4]季度末?|[上下]半年|全年|年[底末]|\d{1,2}月\d{1,2}日前?)$")
_YEAR = re.compile(r"(20\d{2})\s*年")
# the years of a span as printed (2024年—2026年, 2022.1—2022.12, 2023年1月1日至2023年12月31日, 202001-202012): each a
# year of this century or the last, perhaps with its month run on, no longer number's part
_SPAN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:0[1-9]|1[0-2])?(?!\d)")
# what a span's cell says besides figures: no word of it (项目来源, 计划安排资金: another label beside an empty cell)
_SPAN_WORD = re.compile(r"[年月日期]")
# a span's length as printed (项目期 | 3年, 三年): nothing else in the cell but its years in brackets (3年(2024年—2026年))
_SPAN_LENGTH = re.compile(r"^(\d{1,2}|[一二两三四五六七八九十])(?:个)?年(?:期)?(?:\([^()]*\))?$")
# a span printed with one end only: from its first year on (2024年起, 2024年开始), or up to its last (至2026年)
_FROM_ON = re.compile(r"[年月日\d]\s*(?:起|开始|以来)\)?$")
_UP_TO = re.compile(r"(?:^|\()(?:至|到|截至|止于)")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_TITLE = re.compile(r"绩效目标(?:申报|审核|批复|自评)?表|绩效自评表|绩效监控表|运行监控表|绩效评价指标表|评价指标与标准值表")
# a self-evaluation written as a report: its title names the fund (锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效
# 自评报告; 云南省2022年度中央自然灾害资金绩效自评报告), perhaps after a site's 标题: / 名称: label
_REPORT_TITLE = re.compile(r"(?:标题|名称|题目|概述)?:?(?P<name>[^,，。;；:]+?)(?:\d{4}年度?)?(?P<project>项目)?(?:支出)?"
                           r"绩效(?:评价)?(?:自评|评价)(?:工作)?报告")  # (…项目绩效评价自评报告: a self-evaluation's)
# a notice of the goals set for one project names it (关于下马关镇设施农业种植项目绩效目标设定的公示; 关于解决XX项目
# 资金绩效目标设定的公示: the officialese verb and the word 资金 are not the project's; 同心县2025年设施农业技术培训项目
# 绩效目标设定, a site's title without 关于 and 公示)
_NOTICE_TITLE = re.compile(r"(?:标题|名称|题目)?:?(?:关于(?:解决|下达|安排|拨付)?(?P<name>[^,，。;；:]+?)(?:资金)?绩效目标"
                           r"(?:设定|申报)?的?公示|(?P<set>[^,，。;；:]+?)(?:资金)?绩效目标设定)")
# the title of a table a notice attaches beside its goal table: where the money goes (附件1 2022年…资金安排表 | 分配表 |
# 明细表), one row per town or project, no indicator
_OTHER_TABLE = re.compile(r"^[^，。；,;:：]{2,60}?(?:安排|分配|明[细細])表(?:和任[务務]清[单單])?$")
# the year of a title: 2022年度 is the form's or the report's, and the region or unit before it is who reports
# (中方县残联2022年度残疾人康复项目…, 云南省2022年度…); a bare 2023年 opening the name is the project's own, as its
# 项目名称 field spells it (2023年云雾土家族乡加工园配套设施建设项目支出绩效目标审批表)
_FORM_YEAR = re.compile(r"^.*?\d{4}年度")
# 项目 before 支出 is the project's (残疾人康复项目支出绩效自评报告) but after a fund's name the word of the spending
# (林业草原生态保护恢复资金项目支出: the fund's project spending)
_FUND = "资金"
# a report's section heading naming one fund it reports on (一、中央自然灾害救灾资金(森林草原航空消防租机补助经费)),
# not a heading of the report's own structure (一、绩效目标分解下达情况, 二、绩效情况分析)
_FUND_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}、(?P<name>[^,，。;；:：]{4,60}?(?:资金|经费|补助)(?:[(（][^()（）]+[)）])?)")
# a publication of several projects' goals heads each with the project's name (3岁以下婴幼儿照护服务项目项目绩效目标: the
# name and the heading's own 项目绩效目标, 项目 said twice), not a numbered section of one form ((二)项目绩效目标)
_GOALS_HEADING = re.compile(r"(?P<name>[^,，。;；:：()（）|\s]{2,60}?项目)(?:项目)?的?绩效目标")


# asked of most cells, most of them no amount: a failed Decimal costs an exception each time
@lru_cache(maxsize=TEXT_MEMO)
def parse_amount(text: str) -> Decimal | None:
    """Read an amount such as ``18.00``, ``18.00万元`` or ``1,800,000``; None if it is not a number."""
    return written_number(fold(text).replace(",", "").removesuffix("万元").removesuffix("元").removesuffix("%"))


# a header block's amount written with its unit and a note on what it holds (854万(高标准农田建设400万元，…))
_NOTED_AMOUNT = re.compile(r"^([\d,]+(?:\.\d+)?)\s*(?:万元|万|元)?\s*(?:[(（].*)?$", re.S)


# an amount with its unit, then the text run together after it from the form's next cells (20万元资金性质一般公共
# 预算): the unit ends the amount (not a rate: 1000元/人)
_RUN_ON_AMOUNT = re.compile(r"^([\d,]+(?:\.\d+)?)\s*(万元|元)(?![\d/／.])")
_WRITTEN_UNIT = re.compile(r"^[\d,]+(?:\.\d+)?\s*(万元|万|元)")
# an amount after the name of the fund it comes from (其中：财政拨款 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50):
# the fund's name holds no figure, so that a sentence's year or count is never taken for the amount
_FUND_AMOUNT = re.compile(r"^[^\d]{2,40}?(?:资金|经费|基金)(?:[(（][^\d()（）]{1,20}[)）])?\s*([\d,]+(?:\.\d+)?)\s*(?:万元|万|元)?$")


def parse_field_amount(text: str) -> Decimal | None:
    """The amount of a header field's cell: as :func:`parse_amount`, a figure followed by 万 and a note in
    brackets on what it holds, or a figure with its unit that runs on into other text; None if the cell holds no
    amount."""
    if fold(text).strip().endswith(("%", "％")):
        return None  # (年度资金总额:40004000100%: the row's figures fused up to its execution rate, no one amount)
    amount = parse_amount(text)
    if amount is not None:
        return amount
    match = _NOTED_AMOUNT.match(fold(text)) or _RUN_ON_AMOUNT.match(fold(text)) or _FUND_AMOUNT.match(fold(text))
    return parse_amount(match.group(1)) if match else None


def amount_unit(text: str) -> MoneyUnit | None:
    """The money unit an amount cell writes after its figure (``164万元``, ``854万(…)``, ``1000000元``), or None."""
    match = _WRITTEN_UNIT.match(fold(text).strip())
    if match is None:
        return None
    return MoneyUnit.YUAN if match.group(1) == "元" else MoneyUnit.WAN_YUAN


def parse_unit_line(text: str) -> Unit | None:
    """Read a unit written as code and name in one cell (``434016遵化市西留村乡人民政府``,
    ``820001-井研县马踏镇人民政府``, ``[610001]XX有限公司``); None for a line that opens with a year."""
    text = text.strip()
    match = _UNIT_LINE.match(text)
    if match is None or _YEAR_START.match(text):
        return None
    return Unit(code=match.group(1) or match.group(2), name=match.group(3))


# the seal a blank form asks for where the unit is written (填报单位:(盖章)): no unit's name
_SEAL = re.compile(r"[(（]?(?:单位)?盖章[)）]?")


# a unit field that points back at the form's own unit (项目实施单位:本单位 under 单位名称:XX所), not a unit's name
_OWN_UNIT = re.compile(r"(?:本|我)(?:单位|部门|局|机关|所|院|站|中心)|同上|同(?:填报|申报|预算)单位")


def names_own_unit(text: str) -> bool:
    """Whether a unit field's cell points back at the form's own unit (``本单位``, ``同上``) instead of naming one."""
    return _OWN_UNIT.fullmatch(fold(text).strip()) is not None


def parse_unit(text: str) -> Unit | None:
    """The unit a unit field's cell names, with its code when written before it (``820001-XX人民政府``); None for
    a blank cell or a blank form's seal mark (``(盖章)``)."""
    text = _SEAL.sub("", text).strip()
    return (parse_unit_line(text) or Unit(name=text)) if text else None


def parse_coded_name(text: str) -> tuple[str, str] | None:
    """(code, name) of a project name cell that begins with the project's code (``51000021R…-工资性支出``)."""
    match = _CODED_NAME.match(text.strip())
    if match is None:
        return None
    code = match["bracketed"] or match["code"] or match["after"]
    return (code, (match["name"] or match["before"]).strip()) if re.search(r"\d", code) else None


def parse_money_unit(text: str) -> MoneyUnit | None:
    """Read the money unit line (``单位：万元``)."""
    match = _MONEY_UNIT.match(fold(text))
    return MoneyUnit(match.group(1)) if match else None


# the money unit a title states in brackets after the form's name (XX绩效目标表（单位：万元）)
_TITLE_MONEY_UNIT = re.compile(r"[(（](?:金额)?单位[:：]\s*(万元|元)[)）]")


def title_money_unit(title: str) -> MoneyUnit | None:
    """The money unit a title states in brackets (``XX绩效目标表(单位：万元)``), or None."""
    match = _TITLE_MONEY_UNIT.search(fold(title))
    return MoneyUnit(match.group(1)) if match else None


_LABEL_MONEY_UNIT = re.compile(r"[(（](万元|元)[)）]$")


def label_money_unit(text: str) -> MoneyUnit | None:
    """The money unit a label names after it in brackets (``资金情况(万元)``), or None."""
    match = _LABEL_MONEY_UNIT.search(fold(text))
    return MoneyUnit(match.group(1)) if match else None


def is_checkpoint(text: str) -> bool:
    """True for a spending-plan time point (``3月底``, ``第一季度``, ``年底``)."""
    return bool(_CHECKPOINT.match(fold(text)))


def parse_span(text: str) -> Period | None:
    """A project's span as a 项目期 / 实施期 cell prints it: its first and last year where it names them (2024年—2026年;
    one year named is the span's first and last, unless it is said to be the first only, 2024年起, or the last, 至2026年),
    how many years where it says that (3年, 3年(2024年—2026年)), and the text as printed; None for a cell that says
    no span (no year, month or 期 in it: 项目来源, the next label beside a blank)."""
    folded = fold(text)
    if not _SPAN_WORD.search(folded) and not _SPAN_YEAR.search(folded):
        return None
    years = [int(year) for year in _SPAN_YEAR.findall(folded)]
    length = _SPAN_LENGTH.match(folded)
    count = int(chinese_to_decimal(length.group(1)) or length.group(1)) if length else None
    named = folded.partition("(")[2] if length else folded  # (the years in a length's brackets)
    start, end = (years[0], years[-1]) if years else (None, None)
    if len(years) == 1 and _FROM_ON.search(named):
        end = None
    elif len(years) == 1 and _UP_TO.search(named):
        start = None
    return Period(text=text.strip() or None, years=count or None, start=start, end=end)


def parse_year(text: str) -> int | None:
    """The budget year a title or cell states (``2024年度``)."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


# a form's year in its title printed in brackets without its 年 (项目支出绩效目标表（2024）, （2024）项目支出绩效目标表): a
# year of this century alone in its brackets opening the title or right after the form's 表, as under a title
# (year_mark); not a document number's year inside the title's name (XX局昌州财行(2022)10号专项经费项目支出绩效自评表,
# the year the notice was issued in)
_TITLE_BRACKET_YEAR = re.compile(r"(?:^|(?<=表))\s*[(（]\s*(20\d{2})\s*[)）](?!\s*第?\d)")


def title_year(title: str) -> int | None:
    """The year a form's title states: with its 年 (``2024年度XX绩效目标表``, :func:`parse_year`) or alone in its brackets
    (``项目支出绩效目标表（2024）``); None for a title stating none."""
    found = _TITLE_BRACKET_YEAR.search(fold(title))
    return parse_year(title) or (int(found.group(1)) if found else None)


# a point in time a target or a goal sets, its year named (2021年12月31日, 2023年12月前, 到2022年底, 2021.1.1-12.31,
# 2022年6月份开工): a year written alone (中心2021年较好地完成了履职任务, 完成2021年培训任务) is cited, not a deadline
_DATED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年度?\s*(?:(?:1[0-2]|0?[1-9])\s*月|[底末])|[./-](?:1[0-2]|0?[1-9])(?!\d))")


def dated_years(text: str) -> set[int]:
    """The years of the dates ``text`` sets (``2021年12月31日前完成`` → {2021}), none for a year it only cites."""
    return {int(year) for year in _DATED_YEAR.findall(fold(text))}


# a notice passing funds down names the years of the funds, in a clause saying it does (关于下达2023年中央财政衔接推进
# 乡村振兴资金预算指标的通知, 提前下达2023年第一批…资金, 现将2022年生猪调出大县奖励资金397万元下达你单位, 现下达2021年结转资金
# 和2022年资金): the year of the goals it attaches, where it names one
_CLAUSE = re.compile(r"[^,，。;；]+")
_ALLOTTED = re.compile(r"(?:下达|将)(?P<funds>.*资金)")
_FUNDS_YEAR = re.compile(r"(20\d{2})\s*年")
# the date a page published its document on, in the page's own line (发文时间 | 2023-03-27, 时间:2025-02-06, 发布日期:
# 2022年04月02日); a document site's 上传时间 is when someone uploaded a copy, no date of the document's, and a form's
# 完成时间 or 起止时间 a date of the work
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PUBLISHED = re.compile(r"(?:^\s*时间|发文时间|发布时间|发布日期|成文日期)\s*[:：|]?\s*(20\d{2})\s*[-年./]\s*\d{1,2}")


def allotted_years(text: str) -> set[int]:
    """The years of the funds a notice's sentence passes down (``现将2022年XX资金397万元下达你单位`` → {2022})."""
    clauses = (found["funds"] for clause in _CLAUSE.findall(simplified(text))
               if "下达" in clause and (found := _ALLOTTED.search(clause)))
    return {int(year) for funds in clauses for year in _FUNDS_YEAR.findall(funds)}


def published_year(text: str) -> int | None:
    """The year of the date a page's line says it published its document on (``时间:2025-02-06`` → 2025), or None."""
    found = _PUBLISHED.search(text)
    # (a line naming another year beside its date, 名称: 项目支出绩效目标表 (2020) 发布日期: 2021年3月5日, says the
    # document's year elsewhere: the date is then only the page's)
    return int(found.group(1)) if found and set(_ANY_YEAR.findall(text)) == {found.group(1)} else None


_YEAR_LINE = 8  # characters of a year printed alone, in its brackets: (2022年度)


def year_line(text: str) -> int | None:
    """The year a line or cell states alone (``(2022年度)``, ``( 2023年度)``: the year printed under a form's title);
    None for any other text (a sentence or a name citing a year)."""
    return parse_year(text) if len(fold(text)) <= _YEAR_LINE else None


# the form's year printed in the line under its title beside the unit and the money unit, set apart by a single space,
# by brackets or by nothing at all (a PDF's or a Word line's text: (2024年度) 单位:万元, （2023年度）单位：万元, 填报单位:XX局
# 2022年度 单位:万元, 单位:万元 (2021年)): in brackets (a year with its 年 or 年度, or the 年度 after them), or a year with
# its 年度 standing apart, no word of a name or a sentence run on to it
_YEAR_MARK = re.compile(r"(?:[(（]\s*((?:19|20)\d{2})\s*(?:年度?)?\s*[)）](?:\s*年度)?"
                        r"|(?:(?<=^)|(?<=[\s)）:：]))((?:19|20)\d{2})\s*年度)(?=\s|$|(?:金额)?单位)")


def year_mark(text: str) -> tuple[int | None, str]:
    """The year a heading line states beside its other fields (``(2024年度) 单位:万元`` → 2024) and the line without it;
    (None, ``text``) for a line stating no such year."""
    found = _YEAR_MARK.search(text)
    if found is None:
        return None, text
    # (what stood either side of it is set apart as the line's fields are: 填报单位:XX局 | 单位:万元)
    return int(found.group(1) or found.group(2)), f"{text[:found.start()].strip()}  {text[found.end():].strip()}".strip()


# asked of every line and cell outside a grid, often the same ones several times
@lru_cache(maxsize=TEXT_MEMO)
def parse_title(text: str) -> str | None:
    """The sheet title if ``text`` is one (``乡镇环境治理经费（西留村）绩效目标表``, or in Traditional characters,
    ``項目支出績效自評表``, kept as written), without Word residue."""
    cleaned = " ".join(_BOOKMARK.sub("", text).split())
    return cleaned if len(cleaned) <= 80 and _TITLE.search(simplified(cleaned)) else None


def is_other_table_title(text: str) -> bool:
    """True for the title of an allocation table (``2022年省级第七批水利专项资金安排表``): no goal table, and its rows
    (序号, 乡镇名称, 项目名称, 金额) name no project of a sheet."""
    cleaned = "".join(text.split()).strip("|")
    return bool(_OTHER_TABLE.match(cleaned)) and not _TITLE.search(cleaned) and "绩效" not in cleaned


# a form's title naming its project before the form's words (2019年度宁晋县高中助学金项目绩效评价指标表, 服务贸易项目绩效自评表,
# 生猪(牛羊)调出大县奖励资金绩效目标表), the form's year before it (2019年度, not the 2023年 a name opens with) and the kind
# of spending after it left out (食品监管补助资金区域绩效目标自评表, XX资金项目支出绩效目标表: XX项目支出 keeps its 项目); a title naming only a kind of form (项目支出绩效自评表, 部门整体支出绩效目标表, 专项资金
# 预算绩效目标申报表, 中央对地方专项转移支付区域绩效目标自评表, 某中心2020年项目绩效目标批复表) names no project
_TITLE_PROJECT = re.compile(r"(?:\d{4}年度)?(?P<name>[^,，。;；:：《》()（）](?:[^,，。;；:：《》()（）]|[(（][^()（）]{1,30}[)）]){3,40}?)"
                            r"(?:区域|(?P<project>项目)?支出)?绩效(?:目标|自评|评价|监控)")
# (the words of a kind of form end the name: a project's name may hold them inside, 疫情期间区域病媒防治…费用)
_BARE_FUND = r"(?:[省市县区]级)?(?:一般性|重点|财政|专项)?(?:项目|资金|专项资金|项目资金|经费)$"
_FORM_KIND = re.compile(r"(?:支出|整体|转移支付|区域|部门|单位|预算|对地方专项)(?:项目)?$|(?:^|\d{4}年度?)" + _BARE_FUND)
# a report's title naming only the kind of money it reports on (XX红十字会2020年度专项资金绩效评价报告), no fund
_FUND_KIND = re.compile("^" + _BARE_FUND)


def title_project(title: str) -> str | None:
    """The project a form's title names before the form's own words (``2019年度XX项目绩效评价指标表`` → ``XX项目``), or
    None when the title names only a kind of form."""
    written = "".join(title.split())
    found = _TITLE_PROJECT.match(simplified(written))
    if found is None:
        return None
    name = _titled_name(found)
    # (a note in brackets after the form's words is no name: 转移支付区域(项目)绩效目标自评表); a Traditional title's
    # name stays as written
    return as_written(written, name) if len(name) >= 4 and not _FORM_KIND.search(_BRACKETED.sub("", name)) else None


def _titled_name(found: re.Match) -> str:
    """The name a title's match holds, its 项目 kept where it is the project's and the form's year left out."""
    name = found["name"] + (found["project"] or "" if not found["name"].endswith(_FUND) else "")
    return _FORM_YEAR.sub("", name)


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def _title_key(text: str) -> str:
    return " ".join(text.split()).replace("：", ":").replace(" ", "").strip("|")


# a document site's preview runs a report's title on into its first section (1、XX项目绩效评价自评报告一、项目总体情况…):
# the title is what stands before the section's number, the preview's page number before it left out
_RUN_ON_REPORT = re.compile(r"(?:\d{1,2}、)?(?P<title>[^,，。;；:]{4,80}?[报報]告)(?=[一二三四五六七八九十]、)")


def _report_key(text: str) -> str:
    """The line as a report's title is compared: :func:`_title_key`, cut after a title a preview runs on."""
    key = _title_key(text)
    if key.endswith(("报告", "報告")):
        return key
    found = _RUN_ON_REPORT.match(key)
    return found["title"] if found else key


def is_report_title(text: str) -> bool:
    """True for the title of a self-evaluation report (``…项目支出绩效评价报告``, ``…績效自評報告``), in either script:
    what the document reports on are goals approved earlier, whatever shape its tables take."""
    if "告" not in text:
        return False  # (asked of every line outside a grid, twice: most hold neither script's 报告)
    key = _report_key(text)
    return key.endswith(("报告", "報告")) and _REPORT_TITLE.fullmatch(simplified(key)) is not None


# a line naming a table of a year (2022年度共享工程项目自评表; a file's name, …2021年度乡村道路项目自评表.pdf)
_TABLE_OF_YEAR = re.compile(r"[^,，。;；:：]*?(20\d{2})\s*年度[^,，。;；:：]{2,40}表(?:\.[a-z]{3,4})?")


@lru_cache(maxsize=TEXT_MEMO)  # (asked of every paragraph outside a grid, as parse_title is)
def table_year(text: str) -> int | None:
    """The year of a line naming a table of that year (``2022年度共享工程项目自评表``, a title the form words of
    :func:`parse_title` do not know), or of a year printed alone (:func:`year_line`); None for any other line."""
    found = _TABLE_OF_YEAR.fullmatch(simplified(text.strip()))
    return int(found.group(1)) if found else year_line(text)


# the year a report's title says it reports on: a 年度 (XX资金2022年度绩效自评报告, 2020年度专项资金绩效评价报告), or a year
# right before its words (XX项目2022年绩效自评报告); a year that opens a fund's name (2021年中央XX资金) is the fund's
_REPORT_YEAR = re.compile(r"(20\d{2})年度|(20\d{2})年(?:项目)?(?:支出)?绩效(?:自评|评价)")


def report_year(text: str) -> int | None:
    """The year a self-evaluation report's title states before its words (``…补助资金2022年度绩效自评报告`` → 2022);
    None for any other line, and for a title stating none there."""
    if not is_report_title(text):
        return None
    found = _REPORT_YEAR.search(simplified(_report_key(text)))
    return int(found.group(1) or found.group(2)) if found else None


# the title of a publication stating the year of what it publishes, its words after the year: a notice of the goals set
# (关于解决某县2022年XX项目资金绩效目标设定的公示, 某县2025年XX培训项目绩效目标设定), a publication of goals (2023年某市重大
# 政策和项目绩效目标情况), a department's accounts (某县总工会2020年度部门决算); a sentence citing a document of a year
# (根据《关于下达2023年…资金的通知》…) is no title, nor is a year range (2024-2026年绩效目标: a span's)
_PUBLICATION_YEAR = re.compile(r"(?:标题|名称|题目)?:?[^,，。;；:《》“”\d]{0,40}?(20\d{2})年度?(?:[^,，。;；:《》“”]{2,60}?"
                               r"绩效目标(?:设定|申报)?(?:的公示|情况)?|[^,，。;；:《》“”]{0,60}?部门(?:决算|预算)(?:公开)?)")


def publication_year(text: str) -> int | None:
    """The year a publication's title states before its words (``某县2025年XX项目绩效目标设定`` → 2025, ``某县总工会2020年度
    部门决算`` → 2020), a report's (:func:`report_year`) included; None for any other line."""
    found = _PUBLICATION_YEAR.fullmatch(simplified(_title_key(text)))
    return int(found.group(1)) if found else report_year(text)


def report_name(text: str) -> str | None:
    """The fund a self-evaluation report's title names (``XX补助资金2022年度绩效自评报告`` → ``XX补助资金``), without
    the report's year and who reports before it (``XX县残联2022年度XX项目支出…`` → ``XX项目``), or the project a notice of the goals set names (``关于XX项目绩效目标设定的公示``); None when ``text`` is
    neither."""
    # (asked of every line outside a grid: both titles end on words of their own, tried before their patterns, and
    # the last characters of those words before the line is cleaned)
    if "示" not in text and "定" not in text and "告" not in text:
        return None
    key = _title_key(text)
    if key.endswith(("公示", "设定")) and (notice := _NOTICE_TITLE.fullmatch(key)):
        return notice["name"] or notice["set"]
    key = _report_key(text)
    found = _REPORT_TITLE.fullmatch(key) if key.endswith("报告") else None
    if found is None:
        return None
    name = _titled_name(found)
    return name if len(name) >= 4 and not _FUND_KIND.match(name) else None


# a notice of a project's facts names it in its opening sentence, with who carries it out (…文件及所列分配资金,2019年
# XX资助补助资金项目由某职业技术学院实施完成,涉及资金895.8万元; XX村道路硬化项目由XX镇人民政府组织实施)
_SAID_PROJECT = re.compile(r"(?:^|[,，。;；:：])(?P<name>[^,，。;；:：“”\"《》]{4,40}?项目)由[^,，。;；]{2,30}?(?:组织|负责)?实施")


def said_project(text: str) -> str | None:
    """The project a notice's sentence says who carries out (``XX项目由XX实施完成``), or None."""
    simple = simplified(text)
    # (asked of every line outside a grid: the pattern is searched only in a line holding its 由)
    found = _SAID_PROJECT.search(simple) if "由" in simple else None
    return as_written(text, found["name"]) if found else None


def fund_name(text: str) -> bool:
    """Whether ``text`` names a fund of its own (``红十字事业支出专项资金``), not only a kind of money (``专项资金``,
    ``财政资金``, ``配套资金``) or a sentence's words."""
    text = simplified(text)
    return 4 <= len(text) <= _LONGEST_FUND and not _FUND_KIND.match(text) and not _FUND_PART.search(text)


_LONGEST_FUND = 30
# the words of money that is one part or one source of a project's, or of a sentence around a fund: no fund's name
_FUND_PART = re.compile(r"^(?:[省市县区乡镇]级|中央|上级|本级|地方)?(?:配套|自筹|补助|财政|结余|结转)?(?:资金|经费)$|[的了为在对]")


def fund_heading(text: str) -> str | None:
    """The fund a report's numbered section heading names (``一、XX救灾资金(租机补助经费)``), or None."""
    found = _FUND_HEADING.fullmatch(text.strip())
    return found["name"] if found else None


def goals_heading(text: str) -> str | None:
    """The project a heading of its goals names (``XX项目项目绩效目标`` → ``XX项目``), or None."""
    found = _GOALS_HEADING.fullmatch(text.strip())
    return found["name"] if found and len(found["name"]) > len("项目") + 1 else None


# a notice that sets a project's goals in sentences states its money in one (…605号)资金50万元,实施…; 资金总额500万元;
# 安排同心县2025年设施农业技术培训资金30万元): the amount right after the word 资金 (总额), not a result in money that a
# goal names (增加特色产业产值80万元, 增加收入80万元)
_SAID_TOTAL = re.compile(r"(?<![产收入值])(?:资金总额|项目资金|资金)(?:为|共计|合计)?\s*(\d+(?:\.\d+)?)\s*(万元|元)")


def said_totals(text: str) -> list[tuple[Decimal, MoneyUnit]]:
    """The project's money as the sentences of ``text`` state it (``资金总额500万元``), every distinct statement in
    order: one is the total, several leave it for the reader's diagnostic."""
    found: list[tuple[Decimal, MoneyUnit]] = []
    for match in _SAID_TOTAL.finditer(fold(simplified(text))):  # (in either script, pinyin glosses left out: 萬(wàn)元)
        amount = (Decimal(match.group(1)), MoneyUnit(match.group(2)))
        if amount not in found:
            found.append(amount)
    return found

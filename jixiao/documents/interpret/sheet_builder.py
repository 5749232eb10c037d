"""Building one goal sheet from the rows of its table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import takewhile
from typing import NamedTuple

from jixiao.documents.blocks import Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.interpret.goals_block import GoalsBlock, expected_part, is_goals_word, opening
from jixiao.documents.interpret.header_cells import (
    amount_unit,
    dated_years,
    is_checkpoint,
    label_money_unit,
    names_own_unit,
    parse_amount,
    parse_coded_name,
    parse_field_amount,
    parse_money_unit,
    parse_span,
    parse_title,
    parse_unit,
    parse_unit_line,
    parse_year,
    said_totals,
    title_money_unit,
    title_project,
    title_year,
    year_line,
    year_mark,
)
from jixiao.documents.interpret.lost_levels import restored_levels
from jixiao.documents.interpret.option_lists import is_boxes, is_option_row, read_choice, settled
from jixiao.documents.interpret.text_lists import split_items
from jixiao.documents.pipeline.align import GUESS_CONFIDENCE, SETTLED_CONFIDENCE, Aligner, Placed
from jixiao.documents.pipeline.coefficient import READ_FROM_RIGHT
from jixiao.documents.pipeline.figures import shown_readings
from jixiao.documents.pipeline.labels import (
    Role,
    clean_name,
    column_kind,
    is_bare_number,
    is_placeholder,
    is_value,
    label,
    level_label_in,
    match_key,
    residue_target,
    split_description,
    target_text,
    unit_completes,
)
from jixiao.documents.pipeline.labels import (
    column_unit as unit_of_column,
)
from jixiao.documents.pipeline.money_text import rate_agrees, rate_points
from jixiao.documents.pipeline.records import claimed_grade, total_score
from jixiao.documents.pipeline.regions import EXTRA, FRAME, Columns, Header, find_header, is_refinement, refine
from jixiao.documents.pipeline.settle import Sums, TableRow, settle, weighed_figure
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import (
    block_label,
    canonical_label,
    goals_word,
    header_label,
    is_total_label,
    is_trailer,
    labels,
    run_on_spellings,
    source_name,
    split_label_value,
)
from jixiao.model import (
    Budget,
    Checkpoint,
    Diagnostic,
    GoalSheet,
    Indicator,
    Location,
    MoneyUnit,
    Period,
    Unit,
    canonical_level1,
    canonical_level2,
    form_text,
)
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import TEXT_MEMO, fold, simplified, simplified_in_place
from jixiao.model.numerals import BARE_FIGURE, capital_amount, failed_number
from jixiao.model.sheet import says_nothing
from jixiao.model.target_text import parse_target
from jixiao.model.units import UnitKind, canonical_unit, unit_kind
from jixiao.model.vocabulary import Framework, level2_parents, ndrc_level1, written_level2
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["SheetBuilder", "is_budget_group", "is_figure", "money_key"]

_AMOUNT_FIELDS = {"total", "fiscal", "other", "source"}
# the parts of the money: 财政资金, 其他资金 and the sources the model keeps by label (Budget.sources)
_PARTS = ("fiscal", "other", "source")
# the fields of the money's own row, under which a row of its other sources may stand (:meth:`_sources_row`)
_MONEY_ROW = {"total", "period_total", "fiscal", "other"}
# the longest label a row of sources under the money's row is read with: a source's name, not a sentence
_SOURCE_LABEL_LENGTH = 20
_SENTENCE_MARKS = "，。；;,、"
_SPACED_PARTS = re.compile(r"\s{2,}|\u3000+")
_TEXT_FIELDS = {"code", "name", "purpose"}
_LIST_SEPARATORS = ("、", "，", ",")
_UNIT_NOTE = len("(万元)")  # characters of a money unit's note standing alone
# the fields whose labels may head a row of values below them (项目名称 | 主管部门 over XX | YY): a one-line value each
# (the goals and the money table have blocks of their own)
_ABOVE_FIELDS = {"code", "name", "unit", "unit_code", "department", "department_code", "attribute", "leader", "contact", "year", "region",
                 "period", "period_start", "period_end", "total", "period_total", "fiscal", "other", "source"}
_GOAL_FIELDS = {"goals", "long_term_goals"}
# Columns whose cells the goal sheet has no field for: kept on the indicator by heading (self-evaluation and
# monitoring figures also go to their records).
_RECORDED = ("actual", "score", "deviation", "expected", "likelihood", "remark")
# Of those and of the columns kept under their heading (a second column of one kind), the roles whose cells hold a
# value of the row beside its 指标值: another value column, an actual or a projected value (``value_columns``).
_VALUE_KINDS = ("target", "long_term_target", "actual", "expected")


_MONEY_HEADINGS = {
    "budget_initial": ("年初预算数", "年初预算", "年初预算数(万元)", "年初部门预算安排金额"),
    "budget_full": ("全年预算数", "调整后预算数", "全年预算", "调整后预算", "年度预算数", "下达额度", "转移支付预算数",
                    "调整后全年预算数", "全年调整预算数", "全年(调整)预算数"),
    "spent": ("全年执行数", "预算执行数", "执行数", "实际支出", "全年执行", "实际支出金额", "转移支付执行数", "实际执行数",
              "全年实际执行数", "实际执行金额", "实际支出数", "全年实际支出数", "年度拨付金额", "决算数"),
    "execution_rate": ("执行率", "预算执行率", "资金执行率", "预算执行进度", "全年执行率", "全年预算执行率", "支出实现率"),
    "spent_expected": ("全年预计执行数", "全年预计支出数", "预计全年执行数", "预计全年支出数", "全年预计执行金额"),
    # (the points columns in the words the indicator grid's own use: 权重 | 自评得分, 指标分值 | 评分)
    "weight": ("分值", "权重", "执行率权重", "执行率分值", "分值权重", "指标分值"),
    "score": ("得分", "执行率得分", "自评得分", "评分"),
}
# an amount written in the total's cell, not the money column's heading standing there (金额(万元)): digits or numerals
_WRITTEN_AMOUNT = re.compile(r"^[^(（]*[\d〇零一二三四五六七八九十百千万亿]")
# A value published with its characters starred out (联系电话 ***********) was filled in, then masked for the web
_MASKED = re.compile(r"\s*[*＊]{3,}[\s*＊]*")
_UNIT_IN_NAME = re.compile(r"[(（]([^()（）]{1,6})[)）]$")
# a project name opening with its year (2023年雨露计划…), not a span (2021-2023年) or a date (2023年5月)
_NAME_YEAR = re.compile(r"\s*(20\d{2})年(?!度?\s*[-—至~～]|\d|\s*\d)")
_DEFINITION = re.compile(r"^([^=＝]{2,30}率)\s*[=＝]\s*(.+/.+[*×]\s*100\s*%)$", re.DOTALL)
# the name, then how it is computed in brackets: 结余率(计算方法为:结余数/预算数)
_BRACKETED_DEFINITION = re.compile(r"^([^(（]{2,30}?)\s*[(（]((?:计算方法|计算公式|计算方式|公式)[^)）]*)[)）]$", re.DOTALL)
_MONEY_NOTE = re.compile(r"[(（][A-Za-z/%％×*]{1,5}(?:100%)?[)）]$")  # (B/A), (B/A×100%)
# A money word with its own unit (全年预算数(万元), 全年执行数(元)) heads its column, the unit its figures'; a unit or a
# category alone (（万元）, 资金情况(万元), 预算执行情况) names no column: it stays a group's heading over its parts. The
# points columns carry theirs too (分值(分), 得分(分): the Chongqing forms' 指标权重(分)).
_HEADING_UNIT = re.compile(r"[(（](?:万元|元|分)[)）]$")
# a column's circled number and how it is worked out from the others (⑤=④/③, ③=①+②), and what an amount includes
# (含历年结余结转): a Fujian 部门整体 form's money headings
_CIRCLED = re.compile(r"[(（]含[^()（）]{1,12}[)）]|[①-⑳](?:[=＝][①-⑳+\-*/×÷()（）]+)?")
# the period the spending to date covers, in the words the provinces' monitoring forms use (1-6月执行数, 1至9月,
# 截至6月底执行数, 截止9月30日累计执行数, 上半年执行数, 前三季度支出数)
_TO_DATE = r"(?:1[-—~至]\d{1,2}月|截[至止](?:20\d{2}年)?\d{1,2}月(?:底|末|\d{1,2}日)?|上半年|前三季度)(?:累计)?"
_SPENT_TO_DATE = re.compile(rf"^{_TO_DATE}(?:实际)?(?:执行|支出)(?:数|金额)")
_RATE_TO_DATE = re.compile(rf"^{_TO_DATE}(?:预算|资金)?执行率")
_CODE = re.compile(r"[0-9A-Za-z]+")  # a unit code's characters
_WAN = re.compile(r"(?<=\d)[万萬]$")  # (萬: a copy in Traditional characters)
# a web copy's residue after a figure (3,724,055.00?: a non-breaking space turned into ?)
_FIGURE_RESIDUE = re.compile(r"(?<=\d)\s*[?？\ufffd]+$")
_RESIDUE_MARKS = ("?", "？", "\ufffd")  # what the residue ends with (the texts are stripped)
_MONEY_AMOUNTS = {"budget_initial", "budget_full", "spent"}
_YUAN = {MoneyUnit.YUAN: Decimal(1), MoneyUnit.WAN_YUAN: Decimal(10000)}
# The money table's column for why the budget was adjusted or the execution rate is low (the form asks for it).
_REASON_HEADINGS = {"原因", "说明", "调整原因", "调整理由", "原因说明", "偏差原因"}
_GRADES = {"优", "良", "中", "差", "优秀", "良好", "合格", "不合格"}
# The closing fields of a 自评表 or a 监控表, below its grid: only a self-evaluation concludes (评价结论); the cause of a
# shortfall and the remedy are written there, once for the whole table, by the forms that print no column for them
# (Hubei's 偏差大或目标未完成原因分析 | 改进措施及结果应用方案, its 监控表's 偏差或不能完成目标原因分析 | 相关建议或举措).
# What they hold (or the template's instruction left in them) is the audit's to read. Run together, a field ends
# where the next field or a signatory's label begins.
_CLOSING = r"评价结论|自评结论|存在问题|偏差(?:大?或[^：:　|]{0,8}?)?原因(?:分析)?(?:及改进措施)?|改进措施|相关建议或举措"
_CONCLUSION = re.compile(rf"({_CLOSING})\s*[:：]?\s*(.*?)\s*(?={_CLOSING}|项目负责人|财务负责人|填表人|$)")


@lru_cache(maxsize=TEXT_MEMO)
def money_key(text: str) -> str | None:
    """Which figure of a self-evaluation's or monitoring table's money block a heading names (``budget_initial``,
    ``spent``, ``execution_rate`` …), or None."""
    # 全年预算数(A), 执行率(B/A); 支出实现率(%)⑤=④/③ (the column's number and formula); Traditional characters too
    key = _MONEY_NOTE.sub("", _HEADING_UNIT.sub("", _MONEY_NOTE.sub("", match_key(_CIRCLED.sub("", text)))))
    if _SPENT_TO_DATE.match(key):
        return "spent"
    if _RATE_TO_DATE.match(key):
        return "execution_rate"
    if rate_points(key):
        return "score"  # 得分(20分*执行率): the score, its note the points a form with no 分值 column gives the rate
    return next((name for name, words in _MONEY_HEADINGS.items() if key in words), None) or _money_word(key)


# A money heading by how it is built, for the forms' other wordings of the same columns (调整预算数, 年度执行数, 全年支出数,
# 支出率, 资金使用率): when, where, what, then 数/额; a rate's percent sign in brackets after it. Short words only: a
# longer cell is a label or a sentence, not a column of the money table.
_MONEY_WORD_UNIT = re.compile(r"[(（]%[)）]$")
_MONEY_WORDS = (
    # (年初批复数, 年初预算批复数: the budget as approved at the start of the year)
    ("budget_initial", re.compile(r"年初(?:部门)?(?:预算(?:安排|批复)?|批复)(?:数|额|金额|资金)?")),
    # (全年可用预算数, 全年批复预算数, 全年预算总额: the year's budget)
    ("budget_full", re.compile(r"(?:全年|年度|本年|调整后?|年中调整后?)(?:全年)?(?:可用|批复|调整后?)?预算(?:安排)?"
                               r"(?:数|额|金额|资金|总额)?")),
    # (累计执行数, 全年累计支出, 全年实际支出: what was spent, counted up over the year)
    ("spent", re.compile(r"(?:全年|年度|本年|实际|预算|资金|累计)*(?:执行|支出|拨付|使用)(?:数|额|金额|数额|资金)"
                         r"|(?:全年|年度|本年)?(?:实际|累计)(?:执行|支出)")),
    ("execution_rate", re.compile(r"(?:全年|年度|本年|实际|预算|资金)*(?:执行|支出|拨付|使用)(?:率|进度)")),
    # (预计年底执行数, 年底预计支出数: a monitoring table's projection of the year's spending)
    ("spent_expected", re.compile(r"(?:全年|年底|年末)?预计(?:全年|年底|年末)?(?:执行|支出)(?:数|额|金额)")),
)
_MONEY_WORD_LONGEST = 10


def _money_word(key: str) -> str | None:
    """:func:`money_key` of a heading the vocabulary does not list, by the parts of its word (``调整预算数``: the year's
    budget; ``全年支出数``: what was spent; ``资金使用率``: the rate), or None."""
    word = _MONEY_WORD_UNIT.sub("", key)
    if len(word) > _MONEY_WORD_LONGEST:
        return None
    name = next((name for name, pattern in _MONEY_WORDS if pattern.fullmatch(word)), None)
    # a word the label vocabulary gives the sheet's total (年度预算金额 | 18.00 in a header block) is that label: the
    # money table's own headings are listed in _MONEY_HEADINGS
    return None if name == "budget_full" and header_label(word) == "total" else name


def _adjusted_subtotal(texts: list[str], keys: list[str | None]) -> list[str | None]:
    """``keys`` with a 小计 heading right after the year's initial budget and its adjustment (年初部门预算安排金额① |
    年中调整金额② | 小计, its ③=①+② on the line below in a text copy: a Fujian 部门整体 form, corpus 238) read as the
    year's full budget, which the rate's formula divides by (支出实现率⑤=④/③)."""
    return [("budget_full" if key is None and index >= 2 and keys[index - 2] == "budget_initial"
             and match_key(_CIRCLED.sub("", text)) == "小计" and "调整" in match_key(texts[index - 1]) else key)
            for index, (text, key) in enumerate(zip(texts, keys))]


def _plain_budget(texts: list[str], keys: list[str | None]) -> list[str | None]:
    """``keys`` with a plain 预算数 heading read as the year's budget where the row also heads what was spent
    (预算数(A) | 执行数(B) | 执行率(B/A) | 得分, a Hubei 项目自评表): alone, 预算数 heads a project's money in other
    tables (a long layout's 项目名称 | 预算数 | 一级指标 …)."""
    if "spent" not in keys:
        return keys
    return ["budget_full" if key is None and match_key(_MONEY_NOTE.sub("", text.strip())) == "预算数" else key
            for text, key in zip(texts, keys)]


def is_budget_group(text: str, following: str) -> bool:
    """Whether the budget heading ``text``, carrying its unit, heads the group of budgets spanning the columns after
    it (年度预算数(万元) | 年初预算 | 调整后预算数, a Sichuan form): the initial budget's heading ``following`` it says
    so, where a budget heading with its own unit stands after the initial budget's (年初预算数(万元) | 全年预算数(万元))."""
    return money_key(text) in ("budget_initial", "budget_full") and label_money_unit(text) is not None \
        and money_key(following) == "budget_initial"


def _budget_group(texts: list[str], keys: list[str | None]) -> list[str | None]:
    """``keys`` without the heading of a group of budgets (:func:`is_budget_group`): no column of its own."""
    return [None if index + 1 < len(texts) and is_budget_group(text, texts[index + 1]) else key
            for index, (text, key) in enumerate(zip(texts, keys))]


def _broken_money_headings(texts: list[str]) -> list[str]:
    """The cells with a money heading broken before its last characters joined again (年初预算 / 数: a cell too
    narrow in a spreadsheet's text)."""
    result: list[str] = []
    for text in texts:
        if result and len(text) <= 2 and money_key(text) is None and not is_figure(text) and money_key(
                result[-1] + text):
            result[-1] += text
        else:
            result.append(text)
    return result


def _under_headings(headings: list[str | None], figures: list[str]) -> list[tuple[str | None, str]]:
    """Figures paired with their headings. A row short of figures (an empty cell left out) is aligned on its rate:
    the ``%`` figure goes under 执行率, the one before it under the heading before 执行率 (分值), the others from
    the first heading on and after 执行率; the heading left without a figure is the empty cell's. Of the amounts
    before them, one short, the last goes under 执行数 when it is not the first's repeat (a budget left as planned)
    and the rate is its share of the first: the empty cell is then a budget's (32.4 | 31.69 | 10 | 97.80% under
    年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率). A rate printed without its sign (97.80) is the first
    figure that is the share of two amounts before it."""
    if _rate_left_blank(headings, figures):
        return list(zip([key for key in headings if key != "execution_rate"], figures))
    rate = _rate_at(figures)
    rate = _share_at(figures) if rate is None and len(figures) < len(headings) else rate
    if len(figures) >= len(headings) or rate is None or "execution_rate" not in headings:
        return list(zip(headings, figures))
    at = headings.index("execution_rate")
    if 0 < rate < at:
        amounts, spent = headings[:at - 1], headings[at - 2] if at >= 2 else None
        taken = list(zip(headings[:rate - 1], figures[:rate - 1]))
        if spent == "spent" and 1 < rate - 1 < len(amounts) and _share(figures[rate - 2], figures[0], figures[rate]):
            taken = [*taken[:-1], (spent, figures[rate - 2])]
        before = [*taken, (headings[at - 1], figures[rate - 1])]
    else:
        before = list(zip(headings[:rate], figures[:rate]))
    return [*before, (headings[at], figures[rate]), *zip(headings[at + 1:], figures[rate + 1:])]


# The columns a form's part rows (其中：当年财政拨款, 上年结转资金, 其他资金) print a mark of none in: the parts have no
# points of their own (其中：本年财政拨款 | 880 | 880 | 880 | — | | —, the rate's cell left blank)
_PART_MARKS = ("weight", "score")


def _part_placed(headings: list[str], figures: list[str]) -> list[tuple[str, str]] | None:
    """The figures of a part row short of cells (its blank cells lost), each under its heading in order: its marks
    of none (—, -, /) where the form prints them (分值, 得分), a rate (%) under 执行率, the amounts from the first
    heading on. Of equally good placings, the one with the figures leftmost; None when the row holds no mark or no
    placing keeps a rate under 执行率."""
    if len(figures) >= len(headings) or not any(says_nothing(figure) for figure in figures):
        return None

    def cost(figure: str, key: str) -> int | None:
        if says_nothing(figure):
            return 0 if key in _PART_MARKS else 1
        if figure.endswith("%"):
            return 0 if key == "execution_rate" else None
        return 1 if key in _PART_MARKS or key == "execution_rate" else 0

    # best[i][j]: the least cost of the figures from i on under the headings from j on (None: no placing)
    size, width = len(figures), len(headings)
    best: list[list[int | None]] = [[None] * (width + 1) for _ in range(size + 1)]
    for j in range(width + 1):
        best[size][j] = 0
    for i in range(size - 1, -1, -1):
        for j in range(width - 1, -1, -1):
            skip = best[i][j + 1]
            here, rest = cost(figures[i], headings[j]), best[i + 1][j + 1]
            take = None if here is None or rest is None else here + rest
            best[i][j] = min((c for c in (take, skip) if c is not None), default=None)
    if best[0][0] is None:
        return None
    placed, j = [], 0
    for i, figure in enumerate(figures):
        # the leftmost heading from which the rest still costs the least
        while (here := cost(figure, headings[j])) is None or best[i + 1][j + 1] is None \
                or here + best[i + 1][j + 1] != best[i][j]:
            j += 1
        placed.append((headings[j], figure))
        j += 1
    return placed


def _run_on_row(headings: list[str], cells: list[str]) -> bool:
    """Whether the ``cells`` after a row's own figures are the next row's, run on (65.66 | 65.07 | — | 99% | —, its
    label 其中：当年财政拨款 printed elsewhere in a text flow): figures filling the headings, or a part's whose marks
    of none hold their columns (:func:`_part_placed`). Else no heading takes them."""
    following = [_money_figure(cell) for cell in cells] if cells and all(map(is_figure, cells)) else []
    return bool(following) and (len(following) == len(headings) or _part_placed(headings, following) is not None)


def _rate_at(figures: list[str]) -> int | None:
    """Where the rate stands in a money row's figures: the figure with a percent sign or, where none has one, the one
    fraction of one (0.9780: a spreadsheet's number format); None when neither tells it."""
    marked = next((index for index, figure in enumerate(figures) if figure.endswith("%")), None)
    if marked is not None:
        return marked
    fractions = [index for index, figure in enumerate(figures) if "." in figure and _fraction(figure)]
    return fractions[0] if len(fractions) == 1 else None


def _share_at(figures: list[str]) -> int | None:
    """The first of a money row's figures (after two amounts) that is the share of two amounts before it, in percent
    or as a fraction of one (32.4 | 31.69 | 10 | 97.80: 31.69 of 32.4), or None."""
    return next((index for index in range(2, len(figures)) if any(
        _share(figures[later], figures[first], figures[index])
        for first in range(index) for later in range(first + 1, index))), None)


def _fraction(figure: str) -> bool:
    amount = parse_amount(figure)
    return amount is not None and 0 < amount <= 1


def _rate_left_blank(headings: list[str | None], figures: list[str]) -> bool:
    """Whether a row one figure short, with no percentage, left its 执行率 cell blank (250000.00 | 250000.00 |
    215,457.6 | 10 | 8.62 under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): true when, read so, its score is
    its 分值 times the amount spent over the budget, to the score's printed digits."""
    if len(figures) != len(headings) - 1 or "execution_rate" not in headings or _rate_at(figures) is not None:
        return False
    found = dict(zip([key for key in headings if key != "execution_rate"], figures))
    budget = _year_budget(found)
    spent = parse_amount(found.get("spent") or "")
    weight, score = weighed_figure(found.get("weight")), weighed_figure(found.get("score"))
    if not budget or spent is None or weight is None or score is None:
        return False
    return abs(weight * spent / budget - score) <= Decimal("0.5").scaleb(score.as_tuple().exponent)


def _says_figure(text: str) -> bool:
    """A figure cell that holds a figure, not a mark of none."""
    return is_figure(text) and not says_nothing(text)


def _year_budget(figures: dict[str, str]) -> Decimal | None:
    """The year's budget among a money row's figures: the full budget, the one the execution is measured against
    (年初预算数 is kept apart as the evaluation's budget_initial); the budget at the start of the year only where no
    full one is printed (or it is 0); 0 where both are."""
    amounts = [amount for key in ("budget_full", "budget_initial")
               if (amount := parse_amount(figures.get(key) or "")) is not None]
    return next((amount for amount in amounts if amount), amounts[0] if amounts else None)


def _values_by_column(labels: list[tuple[str, str, int | None]], row: Row) -> dict[str, str] | None:
    """The values of a row under a row of amount labels alone, each in its label's grid column, by label, where some
    were left blank (资金总额 | 其中：财政拨款 | 其他资金 over 12 | 12 | blank: a Word or Excel form's cells keep their
    columns); None where a label or a column is unknown, a value stands under no label's column or is no amount, or a
    label that is no amount's is among them (a wide form's fields, aligned by order)."""
    columns = {column: label for field, label, column in labels}
    if None in columns or any(field not in _AMOUNT_FIELDS for field, _, _ in labels):
        return None
    values = [cell for cell in row.filled if block_label(cell.text.strip()) != "budget_section"]
    if not values or any(cell.column not in columns or parse_field_amount(cell.text.strip()) is None
                         or not is_figure(cell.text.strip()) for cell in values):
        return None
    return {columns[cell.column]: cell.text.strip() for cell in values}


_SENTENCE = re.compile(r"[\u4e00-\u9fff][^|｜]{8,}[，,。;；、][^|｜]{4,}")


def _is_sentence(text: str) -> bool:
    """Whether a cell holds a sentence of prose (clauses between commas), not a field's word or figure."""
    return bool(_SENTENCE.search(text))


def _share(part: str, whole: str, rate: str) -> bool:
    """Whether ``part`` is not ``whole`` and is the ``rate`` (``97.80%``) of it, within half a point."""
    part_amount, whole_amount, percent = parse_amount(part), parse_amount(whole), parse_amount(rate.rstrip("%"))
    if part_amount is None or not whole_amount or percent is None or part_amount == whole_amount:
        return False
    if not rate.endswith("%") and _fraction(rate):
        percent *= 100  # (a rate printed as a fraction of one)
    return rate_agrees(part_amount, whole_amount, percent, within=Decimal("0.5"))


@lru_cache(maxsize=1)
def _run_on_labels() -> re.Pattern:
    """The labels that follow a project's name in text run together from a form's cells (主管部门, 实施单位,
    负责人及电话, 项目类别): words no project name holds."""
    words = run_on_spellings([word for field in ("department", "department_code", "unit", "unit_code", "code", "attribute", "period",
                                                 "leader", "contact") for word in labels()["header"][field] if len(word) >= 4]
                             + ["负责人"])
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _amount_spellings() -> dict[str, str]:
    """The amount fields' label spellings, each to its field (项目资金 is a total here, though it also heads a money
    block, whose label ``header_label`` gives)."""
    return {word: field for field in ("total", "fiscal", "other", "source") for word in labels()["header"][field]}


@lru_cache(maxsize=1)
def _inner_amount_pattern() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, _amount_spellings()), key=len, reverse=True))
    totals = "|".join(sorted((re.escape(word) for word in labels()["header"]["total"] if len(word) >= 4),
                             key=len, reverse=True))
    # a label inside a longer word (公共财政拨款: one of several fiscal sources) is not that label; a total's label
    # with its money unit after it is one after any word (县动物卫生监督所资金总额(万元)50: the unit, then the label);
    # a label run on from the figure or unit before it and followed by its amount and money unit, no colon between
    # (…省级财政安排0其他资金20万元预算申报数20万元: a document site's copy of a form's cells)
    return re.compile(r"(?:(?<![\u4e00-\u9fff])(" + words + r")\s*[:：]|(" + totals
                      + r")\s*[(（](万元|元)[)）]\s*[:：]?)\s*(\d[\d,]*(?:\.\d+)?)"
                      + r"|(?:(?<![\u4e00-\u9fff])|(?<=[\d元]))(" + words + r")\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


def with_part(budget: Budget, field: str, label: str, amount: Decimal | None) -> Budget:
    """``budget`` with the amount of ``field`` (total, fiscal, other) set, or, for a ``source`` (政府性基金拨款,
    上年结转资金), that source's amount kept by its label (:func:`source_name`); a source without an amount is none."""
    if field != "source":
        return budget.model_copy(update={field: amount})
    sources = {name: figure for name, figure in budget.sources.items() if name != source_name(label)}
    if amount is not None:
        sources[source_name(label)] = amount
    return budget.model_copy(update={"sources": sources})


def _inner_amounts(text: str) -> dict[str, str]:
    """The amount labels and their values inside a cell of run-together text (``预算申请 (万元)资金总额:952.22``,
    ``XX所资金总额(万元)50``, the amount then with the label's unit; ``其他资金20万元预算申报数20万元``), by field: the
    first of each field."""
    found: dict[str, str] = {}
    for match in _inner_amount_pattern().finditer(simplified(text)):
        if match.group(5):
            field, amount = _amount_spellings()[match.group(5)], match.group(6) + match.group(7)
        else:
            field, amount = _amount_spellings()[match.group(1) or match.group(2)], match.group(4) + (match.group(3) or "")
        found.setdefault(field, amount)  # type: ignore[arg-type]
    return found


def _run_on(value: str) -> int | None:
    """Where a name cell's text runs on into the next fields' labels (``水土保持监测主管部门黄冈市…``) or into the next
    sentence (``项目名称:XX项目。项目资金18万元。``: no name holds a sentence's end), or None."""
    ends = [found.start() for found in (_run_on_labels().search(simplified_in_place(value), 2),
                                        _SENTENCE_END.search(value, 2)) if found]
    return min(ends) if ends else None


_SENTENCE_END = re.compile(r"[。；;](?=\S)")


def _span_spaced(text: str) -> tuple[str, str, str] | None:
    """The span's field, value and label of a cell holding its label, a space and the value (项目总预算(万元) 75.00 of
    the Anhui 申报明细表, 项目期 3年), or None."""
    label, _, value = text.strip().partition(" ")
    field = header_label(label)
    return (field, value.strip(), label) if field in ("period", "period_total") and value.strip() else None


def _labelled(text: str) -> bool:
    """Whether a cell is a label, perhaps with its value (项目起止时间 2022.1—2022.12 after a blank 主管部门): no value of
    the label before it."""
    first = text.split(maxsplit=1)
    return bool(header_label(text) or split_label_value(text) or (first and header_label(first[0])))


_LABEL_PIECE = 4  # the longest piece of a label broken over lines (年度 / 总体 / 目标)
# a piece of figures alone (41 | 69 | 93 | 100 under a spend plan's checkpoints): no label or goals heading of
# labels.toml is made of such pieces only, so their joins (new text in every file, each a vocabulary miss) are not asked
_FIGURE_PIECE = re.compile(r"[\d.%]+")


_JOINERS = ("及", "和", "与")


def _broken_labels(texts: list[str]) -> list[str]:
    """The row's cells with a label (or a goals block's heading) broken over cells of a few characters each joined
    again (年度 / 总体 / 目标: 年度总体目标; 年度主要目标 / 和成果), the longest join first."""
    result, index = [], 0
    while index < len(texts):
        end = index + 1
        while end < len(texts) and len(texts[end]) <= _LABEL_PIECE and 0 < len(texts[end - 1]) <= _LABEL_PIECE:
            end += 1
        if end == index + 1 and end < len(texts) and texts[end][:1] in _JOINERS and header_label(
                texts[index] + texts[end]) and not header_label(texts[end]):
            end += 1  # a longer label broken before its joined words (年度主要目标 / 和成果)
        if end == index + 1:  # no short piece follows: nothing to join (most cells)
            result.append(texts[index])
            index += 1
            continue
        figures = next((at for at in range(index, end) if not _FIGURE_PIECE.fullmatch(texts[at])), end)
        # (pieces each a label of its own head columns of their own: 年度 | 资金总额 over 2024 | 300, not 年度资金总额)
        joined = next((stop for stop in range(end, max(figures, index + 1), -1)
                       if (header_label("".join(texts[index:stop])) or is_goals_word("".join(texts[index:stop])))
                       and not all(map(header_label, texts[index:stop]))), None)
        if joined is not None and all(texts[index:joined]):
            result.append("".join(texts[index:joined]))
            index = joined
        else:
            result.append(texts[index])
            index += 1
    return result


_SPAN_DATES = ("period_start", "period_end")
# a piece of a date as a spaced copy's cells cut it (2019年 | 1 月 1日), and a whole date (2019年1月1日, 2021.12, 2023-01-01)
_DATE_PIECE = re.compile(r"[\d年月日号.\-/\s]*\d[\d年月日号.\-/\s]*")
_WHOLE_DATE = re.compile(r"(?:19|20)\d{2}(?:年\d{1,2}月(?:\d{1,2}[日号])?|[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?)")


@lru_cache(maxsize=1)
def _date_labels() -> re.Pattern:
    """The labels of a span's first and last day (起始日期, 结束日期), with a colon after them, anywhere in a cell."""
    words = [word for field in _SPAN_DATES for word in labels()["header"][field]]
    return re.compile("(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\s*[:：]?")


def _dates_joined(texts: list[str]) -> list[str]:
    """The row's cells with each of a span's dates in one cell with its label (起始日期:2019年1月1日), where a spaced
    copy cut the date apart and ran the next label on after it (起始日期:2019年 | 1 月 1日 结束日期: | 2021 年 12 | 月31日);
    a label run on before another (开始日期资金情况(单位:万元) | 2021.1, a merged cell's text) takes the first whole date
    alone in a cell after it, before the next date's label."""
    # (one search over the cells together: no label holds a line break, so none is found across two cells)
    if not _date_labels().search("\n".join(texts)):
        return texts  # (most rows)
    pieces: list[tuple[str, bool]] = []  # (text, whether a date's label), a cell cut around the labels inside it
    for text in texts:
        at = 0
        for match in _date_labels().finditer(text):
            before = text[at:match.start()].strip()
            if before and not _DATE_PIECE.fullmatch(before):
                break  # (a label inside run-together text, 主管部门XX局项目开始日期2023-01-01项目…, is that text's)
            pieces += [(part, False) for part in (before,) if part]
            pieces.append((match.group(1), True))
            at = match.end()
        rest = text[at:].strip()
        if rest or not at:  # (a blank cell stays, a blank left of a cut does not)
            pieces.append((rest, False))
    result, taken = [], set()
    for index, (text, is_label) in enumerate(pieces):
        if index in taken:
            continue
        date = _date_after(pieces, index) if is_label else []
        taken.update(date)
        written = "".join("".join(pieces[at][0].split()) for at in date)  # (the copy's spaces are no part of it)
        result.append(f"{text}:{written}" if written else text)
    return result


def _date_after(pieces: list[tuple[str, bool]], index: int) -> list[int]:
    """Where the date of the label at ``index`` stands among the row's ``pieces``: the pieces right after it until
    they make a whole date, or else the first piece before the next label holding a whole date alone."""
    ahead = list(takewhile(lambda at: not pieces[at][1], range(index + 1, len(pieces))))
    run: list[int] = []
    for at in ahead:
        if not _DATE_PIECE.fullmatch(pieces[at][0]) or _WHOLE_DATE.fullmatch(
                "".join("".join(pieces[taken][0].split()) for taken in run)):
            break
        run.append(at)
    return run or next(([at] for at in ahead if _WHOLE_DATE.fullmatch("".join(pieces[at][0].split()))), [])


# the money unit line written after a unit field's value (填报单位:XX 单位:万元), not the field's own label
_MONEY_UNIT_IN = re.compile(r"(?<![\u4e00-\u9fff])(?:金额)?单位[:：]\s*(万元|元)\s*$")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_PIECE = re.compile(r"[(（]?\s*20\d{2}")  # a year under a title before its 年度, the rest on the next line


def _years_joined(texts: list[str]) -> list[str]:
    """The row's cells with a year cut from its 年 by a space of a PDF's text joined again (项目名称 2020 年市级服务贸易
    发展资金: the name is 2020年市级服务贸易发展资金, not 2020)."""
    result: list[str] = []
    for text in texts:
        if result and _BARE_YEAR.fullmatch(result[-1]) and text.startswith("年") and not header_label(text):
            result[-1] += text
        else:
            result.append(text)
    return result


def _set_aside_role(heading: str) -> str | None:
    """The role the vocabulary gives the heading of a column kept under its heading (评价指标值 beside 目标完成值,
    評價指標值 alike: ``actual``); none for a header field's heading (年度目标 beside 指标值 holds the goals)."""
    return column_kind(heading) if header_label(match_key(heading)) is None else None


def _group_total(values: dict[str, str], extra: dict[str, str]) -> bool:
    """True for a row of project columns that holds a department's code and name and its money total and no
    indicator cell (820-马踏镇部门 | 8,827,620.53 above the unit's projects): a total, neither indicator nor error."""
    context = values.get("_context", "").split("｜")  # (cells the aligner kept as the row's context, not placed)
    cells = [text for text in (*extra.values(), *context) if text.strip()]
    rest = [text for kind, text in values.items() if kind not in ("level1", "level2", "_context") and text.strip()]
    return not rest and any(parse_amount(text) is not None for text in cells) and all(
        parse_amount(text) is not None or parse_unit_line(text) is not None for text in cells)


def _shared_value(cells: dict[str, str]) -> str:
    """The value every sub-unit column gives (one column per town), or "" when they differ or are not figures (a
    figure with its operator or unit, ≥95%, is one)."""
    values = {text.strip() for text in cells.values() if text.strip()}
    figures = len(cells) >= 2 and len(values) == 1
    return next(iter(values)) if figures and (parse_amount(value := next(iter(values))) is not None
                                              or is_value(value)) else ""


# a money heading and its figure written in one cell (全年预算数：120万元, 预算执行率:91.67%), as forms laid out as
# prose lines print the money table, or as a sentence (年初预算数为12.5万元, 执行率是96%)
_COLON_PAIR = re.compile(r"^(?P<heading>[^:：\d]{2,16}?)\s*(?:[:：]|为|是)\s*(?P<figure>\S+)$")
_FEWEST_PAIRS = 2  # cells of the row so written before it is read as the money table's (a lone one may be a header field)


def _colon_pairs(texts: list[str]) -> tuple[str | None, dict[str, str]] | None:
    """The row's label (the cell before its pairs, if any: 年度资金总额, 其中：财政拨款) and its figures by money field,
    where every other cell is a money heading and its figure written as one (年初预算数：100万元 | 全年预算数：120万元);
    None for a row holding anything else."""
    pairs = [_stated_pair(text) for text in texts]
    # (the label may hold a colon of its own, 其中：当年财政拨款)
    label = texts[0] if pairs and pairs[0] is None and not is_figure(texts[0]) else None
    paired = pairs[1:] if label is not None else pairs
    if len(paired) < _FEWEST_PAIRS or None in paired:
        return None
    return label, {money_key(heading): _money_figure(figure) for heading, figure in paired}  # type: ignore[misc]


def _stated_pair(text: str) -> tuple[str, str] | None:
    """A money heading and its figure written in one cell (:data:`_COLON_PAIR`), or None."""
    found = _COLON_PAIR.match(text.strip())
    return (found["heading"], found["figure"]) if found and money_key(found["heading"]) and is_figure(
        found["figure"]) else None


def _stated_figure(text: str) -> str:
    """A figures row's cell that restates its heading before the figure (``年初预算数为12.5万元`` under 年初预算数:
    the form filled in as a sentence) as the figure; any other cell as it is."""
    pair = _stated_pair(text)
    return pair[1] if pair else text


def _money_figure(text: str) -> str:
    """A money figure without the 万 some forms write after it (``5.8万``: the table's money unit says which)."""
    return _WAN.sub("", text)


@lru_cache(maxsize=TEXT_MEMO)  # (asked of every cell of every header-block row, each time a row is tried as money)
def is_figure(text: str) -> bool:
    """A cell of the money table's figures row: an amount, a rate, points (a 分值 or 得分 written 10分), or a mark of
    none in any spelling (-, —, ——, /, ／: a cell without a letter or digit), which holds its column."""
    return parse_amount(_money_figure(text)) is not None or text.endswith("%") or (bool(text) and says_nothing(text)) \
        or weighed_figure(text) is not None


def _legacy_level2(level1: str, previous1: str, previous2: str = "") -> bool:
    """True when a name written where a level 1 stands is the legacy framework's level 2 of the group above: 成本指标
    is a level 2 under 产出指标 before 2021 and a level 1 of its own since; with no level 2 after it and a 产出指标
    group above (named, or implied by the level 2 above: 时效指标, its 产出指标 cell lost), it is the former. Under the
    NDRC form's 实施效果指标 (or 过程管理指标), the budget framework's level-1 names (产出指标) and the form's
    management names are its level 2."""
    name = canonical_level2(level1)
    parent = canonical_level1(previous1) or (
        level2_parents(Framework.LEGACY).get(canonical_level2(previous2) or "") if previous2 else None)
    if ndrc_level1(match_key(previous1)) and not ndrc_level1(match_key(level1)):
        return written_level2(match_key(level1)) is not None  # 产出指标 under the NDRC form's 实施效果指标
    return name is not None and parent is not None and level2_parents(Framework.LEGACY).get(name) == parent


def _not_under(level1: str, level2: str) -> bool:
    """True when the level-2 name ``level2`` belongs under another level 1 than ``level1`` in every framework (可持续影响
    指标 is never a 满意度指标's): a row naming ``level1`` cannot carry it down."""
    parent, child = canonical_level1(match_key(level1)), canonical_level2(match_key(level2)) if level2 else None
    parents = {level2_parents(framework).get(child) for framework in Framework} - {None}
    return bool(parent and parents) and parent not in parents


_CHOICE_LABEL = 12  # the longest label of an option field the vocabulary does not know (是否开展政府采购)
_DASH = re.compile(r"[—－\-–]+")  # a cell left empty with a dash (— in a 不适用 cell)
_VALUE_KINDS = {"target", "long_term_target", "actual", "expected"}  # columns that hold an indicator's values
_TEXT_KINDS = ("description", "basis")  # columns of words beside the name, no value
_SCRAMBLED_ROWS = 5  # fewer name-only rows than this are read as written (blank values)
_SUMMED = ("actual", "weight", "score")  # the cells beside the target that the table's arithmetic weighs


def _points_alone(level1: str) -> bool:
    """True for a 一级 cell holding only a label's points, its name lost (``(30分)``): no level's name to check."""
    return not canonical_level1(match_key(level1)) and level_label_in([level1]) is not None


def _level_word_alone(name: str, values: dict[str, str]) -> bool:
    """True when a row's name cell is a level's name (质量, 满意度指标) and the row prints nothing else beyond its
    levels but more level names (质量 | 时效: two such rows a copy ran together). A level printed with its points
    (满意度指标(10分)) is kept as a row: its points count in the total of the self-evaluation's weights (the audit's
    JXA08) even where the group lists no indicator."""
    if any(character.isdigit() for character in name) or any(
            text.strip() and not _level_name(text) for kind, text in values.items() if kind not in ("level1", "level2", "name")):
        return False
    return _level_name(name)


def _level_name(text: str) -> bool:
    key = match_key(text)
    return bool(canonical_level2(key) or canonical_level1(key))


def _name_only(indicator: Indicator, values: dict[str, str]) -> bool:
    """True when an indicator's row printed its name and nothing else beyond its levels."""
    return indicator.target.raw in (None, "") and not indicator.extra and not indicator.description and not any(
        text.strip() for kind, text in values.items() if kind not in ("level1", "level2", "name"))


def _no_value(indicator: Indicator, values: dict[str, str]) -> bool:
    """True when an indicator's row printed words only: its name, perhaps a description or a 评价标准 beside it."""
    return indicator.target.raw in (None, "") and not indicator.extra and not any(
        text.strip() for kind, text in values.items() if kind not in ("level1", "level2", "name", *_TEXT_KINDS))


def is_header_row(row: Row) -> bool:
    """True when ``row`` is an indicator grid's header."""
    return _row_header(row) is not None


def _row_header(row: Row) -> Header | None:
    """The header ``row`` alone is. A row of fewer than two cells, or without a heading among them, is none: that
    is asked first, since building the row as a line and finding its columns costs more (most rows are none)."""
    filled = row.filled
    if len(filled) < 2 or not any(label(cell.text).role is Role.HEADING for cell in filled):
        return None
    return find_header([_as_line(row)], 0)


def _as_line(row: Row) -> Line:
    gridded = all(cell.column is not None for cell in row.cells)
    return Line([Token(c.text, c.line or row.line, c.column) for c in row.cells], LineKind.ROW, row.line, row.table,
                row.row, gridded=gridded)


def _implied_level1(level2: str | None) -> str | None:
    """The 一级指标 ``level2`` stands under in every framework, or None when the frameworks differ or know it not."""
    parents = {level2_parents(framework).get(level2 or "") for framework in Framework}
    return parents.pop() if len(parents) == 1 else None


class _Printed(NamedTuple):
    """What an indicator's row printed: its source line, its cells beside its level cells (a run of fused figures is
    one), whether it printed a score (得分: a self-evaluation's), and its tokens with the level names pending over it."""

    line: int | None
    width: int
    scored: bool
    tokens: int


@dataclass(frozen=True)
class MoneyCells:
    """What one step of reading a money-table row made of its cells: how many it placed (under a heading, or as the
    row's label), the cells no heading takes (``set_aside``, said in P158) and the figures it left unread
    (``unread``, said in P148). A row's steps add up (``+``) to what the row made of all its cells."""

    placed: int = 0
    set_aside: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()

    def __add__(self, other: MoneyCells) -> MoneyCells:
        return MoneyCells(self.placed + other.placed, self.set_aside + other.set_aside, self.unread + other.unread)


def _an_indicator_row(texts: list[str]) -> bool:
    """True for a row below the grid that reads as an indicator's: a level name, then a name and a target."""
    if len(texts) < 3:
        return False
    roles = [label(text).role for text in texts]
    level = next((index for index, role in enumerate(roles) if role in (Role.LEVEL1, Role.LEVEL2)), None)
    if level is None:
        return False
    name = next((index for index in range(level + 1, len(roles)) if roles[index] not in (Role.LEVEL1, Role.LEVEL2)),
                len(roles))
    # (a row of the parts' points, 资金投入 | 4分 | 资金管理 | 9分, has a figure where the name would stand)
    return (name < len(roles) and roles[name] is Role.TEXT and not is_value(texts[name])
            and any(is_value(text) for text in texts[name + 1:]))


def _names_span(value: str) -> bool:
    """Whether a year field's cell names a span of years (``2024-2026``, ``2024年至2026年``), no one year."""
    span = parse_span(value) if value else None
    return span is not None and None not in (span.start, span.end) and span.start != span.end


class SheetBuilder:
    """Accumulates the rows of one sheet: first its header block, then (after the grid header) indicators."""

    def __init__(
        self, source: str, ordinal: int, title: str | None = None, like: SheetBuilder | None = None
    ) -> None:
        """``like``: a builder that has read only the lines above a table (title, unit, money unit); the new
        sheet starts with them, as every project of a long-layout table shares them."""
        self.source = source
        self.ordinal = ordinal
        self.sheet = GoalSheet(title=title, year=title_year(title or ""), money_unit=title_money_unit(title or ""),
                               table=ordinal)
        if like is not None:
            shared = like.sheet
            self.sheet = self.sheet.model_copy(update={
                "title": shared.title, "year": shared.year, "unit": shared.unit, "money_unit": shared.money_unit,
            })
        self.diagnostics: list[Diagnostic] = []
        self.columns: Columns | None = None
        self._pending: str | None = None  # a label whose value is in the next row
        self.overall_actual: str | None = None  # 年度总体目标's 实际完成情况 (a self-evaluation's)
        # an amount label alone on its line: its amount may be on the next, before what another label awaits
        self._pending_amount: str | None = None
        self._money_at = -1  # the row count of the last header row that held the money's row (or its sources row)
        self._money_alone = False  # that row held a money label alone (财政拨款 / 少数民族发展资金 | 37万元)
        # the labels of a goals block whose values are to come: it waits while _pending names its field (a later
        # label's wait replaces it, as any pending label's does)
        self._goals_block: GoalsBlock | None = None
        self._year_piece: str | None = None  # the year under the title, cut from its 年度 by a line break: (2022 / 年度)
        # a goals block heading both periods side by side (中期目标 | 年度目标) whose first value came alone in its row:
        # the fields of the pair, the field that value went to and how many goals it gave, for the row after it
        self._second_goal: tuple[tuple[str, str], str, int] | None = None
        self._plan_labels: list[str] = []
        # a spend plan's checkpoints and figures one to a row below its label (资金支出计划 / 3月底 / 6月底 / 30 / 60)
        self._plan_stacked: tuple[list[str], list[str]] | None = None
        self._levels = ("", "")
        self._label_after = ""  # a 一级 label found among a row's values: it heads the rows after (_take_level_label)
        self._stacked: list[str] = []  # level-2 names on rows of their own, one right after the other
        # a level-2 name printed alone in the name column of a grid without a 二级指标 column (质量 | (blank)): that
        # column holds the level-2 names
        self._level2_names = False
        # the level-2 names the grid printed on rows that hold no indicator (a PDF's merged cells after the rows)
        self._unplaced_level2: set[str] = set()
        # of a grid with 长期/中期 and 年度 sets side by side: whether a row filled its year's set, or else whether
        # the rows so far were read from the long-term set alone (:meth:`_long_term_only`)
        self._year_set_filled = False
        self._read_long_term = False
        self._stack: list[str] = []  # such names over the rows being read (:meth:`_stacked_level`)
        self._row_count = 0
        self._aligner: Aligner | None = None
        self._pending_level_tokens = 0
        self._pending_level_row: Placed | None = None  # the row the pending level names stand on (where a P108 says)
        # what each indicator's row printed, by position (from 1): a row the end of the file cut prints fewer cells
        # than the rows above it (:meth:`last_row_narrower`), and its tokens are set aside when it is left out
        self._printed: dict[int, _Printed] = {}
        self._rows_since = 0  # rows placed since the last indicator was read (a wrapped cell follows its row at once)
        self.tokens_placed = 0
        self.tokens_diagnosed = 0
        # the header's fields that may print options (项目属性, 项目类型 …): label, value as printed, and the row, the
        # cells after the value in that row (部门预算 □ | 切块预算 □) joined to it; read as option lists at the end
        self._choice_texts: list[tuple[str | None, str, int]] = []
        self._choice_open = False  # the row's last field was such a field: the unlabelled cells after it are its
        self._loose_label: tuple[str, int] | None = None  # a cell no label claims, and its row: a field's label?
        # the cells of the rows read as the money table's (header block rows, outside the grid's count): placed under
        # a heading or as a row's label, or said in a diagnostic; added up once a row is taken (_count_money_row)
        self.money_tokens = 0
        self.money_placed = 0
        self.money_diagnosed = 0
        self.results: list[tuple[int, dict[str, str]]] = []  # (indicator position, its cells) for evaluation records
        self.grid_closed = False
        self.cut = False  # the copy stops inside this sheet's table (the assembler says so)
        # the copy stops on the heading of the values printed after the rows' names (P124, the assembler says so)
        self.values_cut = False
        self.reported = False  # a self-evaluation report's indicators in prose (the assembler says so)
        self.money: dict[str, str] = {}
        self._money_figures: dict[str, str] = {}  # the money table's figures row, once read
        self.claimed: dict = {}
        self._money_headings: list[str | None] = []
        self._late_money: bool | None = None  # the money table below the grid: None before it, True in it, False after
        self._money_heading_row: Row | None = None  # the gridded row the money headings were read from, if any
        self.money_headings: list[str] = []  # the money table's headings as printed, for the records
        self._money_parts: dict[str, Decimal] = {}  # the parts' sums, when the total row is left at 0
        # the rows of the total's sources (其中：中央财政资金 | 2000 | 1157.9 | 57.89%): label, figures by field, line
        self.part_rows: list[tuple[str, dict[str, str], int | None]] = []
        self._total_written = False  # the total's cell holds an amount that could not be read (十八万)
        # the span's budget stands before the year's (中期资金总额 | … | 年度资金总额 | …): a part of the money labelled
        # twice below them (其中:财政拨款 | 449.8 | 其中:财政拨款 | 189.8) is the span's first, then the year's
        self._span_first = False
        self._span_label = ""  # the span's budget label as printed (项目总预算(万元)), for what is said of it
        self._span_dates: dict[str, str] = {}  # the span's first and last day as printed (起始日期 | 结束日期), by field
        self._parts_seen: set[str] = set()  # the parts labelled since, by field (a source by its name)
        self._money_reason = False  # the money table has a 原因 column
        self._rate_below = False  # the row above ends with the rate's heading, over a row of label-figure pairs
        self._amount_columns: list[str] = []  # the amount labels heading a row of figures to come (_amounts_below)
        # (field, label, grid column) of a row of labels alone (_values_below)
        self._labels_above: list[tuple[str, str, int | None]] = []
        self._amount_wait = 0  # how many rows of sub-headings may still stand between them
        # the rows whose fused points read more than one way: (the indicator read, if any; the row; where it stands)
        self._ambiguous: list[tuple[Indicator | None, Placed, Location]] = []

    # -- what the interpreter asks -------------------------------------------------------------------------
    @property
    def headless(self) -> bool:
        """Whether the grid's header is not in the file (its columns inferred from, or implied by, the rows)."""
        return self.columns is not None and bool(self.columns.inferred or self.columns.implied)

    @property
    def has_content(self) -> bool:
        """True once anything of the sheet has been read."""
        sheet = self.sheet
        return bool(sheet.code or sheet.name or sheet.indicators or self.columns)

    @property
    def awaits_value(self) -> bool:
        """Whether a label whose value is in the next row (绩效目标 above its text) is still waiting for it."""
        return self._pending is not None and self.columns is None and not self.sheet.indicators

    @property
    def awaits_amounts(self) -> bool:
        """Whether a row of amount labels heading columns (本年度预计投入(万元) | 财政资金(万元) | 其他) waits for its
        figures in a row below (:meth:`_amounts_below`)."""
        return bool(self._amount_columns)

    @property
    def score_before_weight(self) -> bool:
        """Whether the grid's 得分 column stands before its 分值 column: a totals row's two figures are then the
        score claimed and the weights' sum (合计 | 95 | 100), not the other way round."""
        kinds = self.columns.kinds if self.columns is not None else []
        return "score" in kinds and "weight" in kinds and kinds.index("score") < kinds.index("weight")

    def starts_another_sheet(self, row: Row) -> bool:
        """True when ``row`` opens the next project's table (a 项目名称/项目编码 row after an indicator grid)."""
        if self.columns is None:
            return False
        return any(header_label(cell.text) in {"code", "name"} for cell in row.filled[:2]) or (
            len(row.filled) == 1 and parse_title(row.filled[0].text) is not None
        )

    def feed(self, row: Row) -> None:
        """Take the next row of the sheet's table."""
        self._row_count += 1
        filled = row.filled
        if not filled:
            return
        # (a label with its value is no title, even a name that reads like one: 项目名称：…支出绩效自评表)
        if len(filled) == 1 and parse_title(filled[0].text) and split_label_value(filled[0].text) is None:
            self.sheet.title = self.sheet.title or parse_title(filled[0].text)
            self.sheet.year = self.sheet.year or parse_year(filled[0].text)
            return
        if self.columns is None:
            header = _row_header(row)
            if header is not None:
                self.open_grid(header.columns)
                return
            if not self._options_row(row) and not self._money_row(row):
                self._feed_header(row)
        elif self.grid_closed:
            self._below_grid(row)
        else:
            self._feed_grid(row)

    def _options_row(self, row: Row) -> bool:
        """A row of ticking boxes alone, its field's label not printed (1、部门预算项目 □ 2、省直专项 □ under 项目类型): an
        option list of the header, kept without a label. True when the row was one."""
        filled = row.filled
        if len(filled) != 1 or header_label(filled[0].text) or not is_option_row(filled[0].text):
            return False
        self._choice_texts.append((None, filled[0].text.strip(), self._row_count))
        self._choice_open = False
        return True

    # -- self-evaluation and monitoring figures ------------------------------------------------------------
    def _money_row(self, row: Row) -> bool:
        """The money table of a self-evaluation or monitoring form: a row of headings (年初预算数, 全年执行数,
        执行率 …), then a row of figures under them (年度资金总额 | 220 | 87.57), then its parts (其中：财政拨款,
        上年结转, 其他资金); or headings each beside its figure (转移支付预算数(A) | 5.8万 | 预算执行率 | 100%).
        A figure followed by a web copy's residue (``3,724,055.00?``) is read without it, and said (P146)."""
        written = [cell.text.strip() for cell in row.filled]
        # (asked of every row of a header block: the residue's marks are looked for before the pattern is run)
        texts = [_FIGURE_RESIDUE.sub("", text) if text.endswith(_RESIDUE_MARKS) else text for text in written]
        joined = _broken_money_headings(texts)
        cells = self._money_cells(row, joined)
        if cells is None:
            return False
        label = texts[0] if texts and not is_figure(texts[0]) else "资金情况"
        # (a broken heading's pieces are placed with the heading they were joined into)
        self._count_money_row(row, "资金情况" if money_key(label) else label,
                              MoneyCells(len(texts) - len(joined)) + cells)
        marked = [(before, after) for before, after in zip(written, texts) if before != after]
        if marked:
            self.diagnostics.append(diagnostic(
                "P146", self._location(row, label), field=label,
                values=Phrase.listing("“{value}”", [{"value": before} for before, _ in marked]),
                residue=marked[0][0][len(marked[0][1]):].strip()))
        return True

    def _count_money_row(self, row: Row, label: str, cells: MoneyCells) -> None:
        """Account for the cells of a row read as the money table's, what its steps made of them (``cells``): those
        placed under a heading or as its label, the figures said unread (P148), and those no heading takes, said with
        the row and its label (P158), never dropped."""
        self.money_tokens += len(row.filled)
        self.money_placed += cells.placed
        if cells.unread:
            self.diagnostics.append(diagnostic(
                "P148", self._location(row, "资金情况"), list(cells.unread), count=self.part_columns,
                headings=quoted_cells(self.money_headings, "、"), figures=quoted_cells(cells.unread, " ")))
        if cells.set_aside:
            after = self.money_headings[-1] if self.money_headings else "资金情况"
            self.diagnostics.append(diagnostic(
                "P158", self._location(row, label), list(cells.set_aside), label=label, after=after,
                count=len(cells.set_aside), cells=Phrase.listing("“{cell}”", [{"cell": cell} for cell in cells.set_aside])))
        self.money_diagnosed += len(cells.unread) + len(cells.set_aside)

    def _money_cells(self, row: Row, texts: list[str]) -> MoneyCells | None:
        """:meth:`_money_row` on the row's cells ``texts``: what was made of them, or None when they were not the
        money table's."""
        if self._second_heading_row(row, texts):
            return MoneyCells(len(texts))  # (each joined with the heading above it)
        keys = [money_key(text) for text in texts]
        # (both other readings turn on the initial budget's heading in the row: most rows hold none, nor any heading)
        keys = _budget_group(texts, _plain_budget(texts, _adjusted_subtotal(texts, keys))) \
            if "budget_initial" in keys else _plain_budget(texts, keys)
        # (the pairs may follow the row's own label: 项目资金(万元) | 年初预算数 | 100 | 全年预算数 | 120 …)
        lead = next((index for index, key in enumerate(keys) if key), len(keys))
        if not any(is_figure(text) for text in texts[:lead]) and self._money_pairs(texts[lead:], keys[lead:]):
            return MoneyCells(len(texts))  # the row's labels, each heading and its figure
        if (paired := _colon_pairs(texts)) is not None:
            self._paired_figures(row, *paired)  # each heading and its figure in one cell (全年执行数：110万元)
            return MoneyCells(len(texts))
        if self._rate_below:
            self._rate_below = False
            if self._trailing_rate(texts):
                return None  # the pairs before it are the header block's (预算数 | 6.84 | 执行数 | 6.84)
        if len(keys) > 2 and keys[-1] == "execution_rate" and not any(keys[:-1]):
            # group headings (预算安排情况 | 资金到位情况 | 资金执行情况 | 预算执行进度(%)): the row below pairs each label with
            # its figure and ends with the rate alone
            self._rate_below = True
        labels = MoneyCells()  # the row's own labels and headings before its figures
        if sum(1 for key in keys if key) >= 2:
            # the unit the title or a 单位 line did not state, in each amount's heading (全年执行数(元))
            unit = next((unit for text, key in zip(texts, keys)
                         if key in _MONEY_AMOUNTS and (unit := label_money_unit(text))), None)
            self.sheet.money_unit = self.sheet.money_unit or unit
            # the row's own labels (预算执行情况, 年度预算数(万元)) stand before the headings; a year's heading right
            # before them heads a column of its own (年度 | 预算数 | 执行数 over 2024 | 300 | 200), under no field
            heading = next(index for index, key in enumerate(keys) if key)
            keys = keys[heading - 1 if heading and header_label(texts[heading - 1]) == "year" else heading:]
            last = max(index for index, key in enumerate(keys) if key)
            labels = MoneyCells(len(texts) - len(keys))
            texts = texts[len(texts) - len(keys):]
            first = next((index for index in range(last + 1, len(texts)) if is_figure(texts[index])), None)
            if first == last + 1:
                # text flow (a PDF's): the figures row runs on right after the headings, its label lost
                self._set_money_headings(texts[:first], keys[:first])
                figures, cells = self._run_on_figures(texts[first:])
                taken = self._take_money_figures(figures, row, texts[first])
                return labels + MoneyCells(first) + cells if taken else None
            if first is None or first - 1 <= last:
                self._set_money_headings(texts, keys)
                self._money_heading_row = row if all(cell.column is not None for cell in row.filled) else None
                # (a figure among the headings is under none of them)
                aside = tuple(text for text, key in zip(texts, keys) if key is None and _says_figure(text))
                return labels + MoneyCells(len(texts) - len(aside), aside)
            # one cell per line: the figures row (总额 | 238.93 | …) runs on after the headings; its label stands
            # right before its first figure
            self._set_money_headings(texts[:first - 1], keys[:first - 1])
            labels += MoneyCells(first - 1)
            texts = texts[first - 1:]
        if not (self._money_headings and texts):
            return None
        read = self._figures_under_headings(texts)
        if read is None:
            return None
        figures, cells = read
        taken = self._take_money_figures(figures, row, texts[0])
        part = header_label(texts[0])
        if part in _PARTS and self._money_figures:
            if (amount := _year_budget(figures)) is not None:
                # a part of the money (其中：当年财政拨款 | 5.28 | 1.96 | 1.96): its budget in the column the sheet's total
                # is read from, not its first figure
                self.sheet.budget = with_part(self.sheet.budget, part, texts[0], amount)
            self.part_rows.append((texts[0], figures, row.line))
            taken = True  # (a part holding marks of none only, 上年结转资金 | — | —, is the table's all the same)
        elif not taken and self._money_figures and all(says_nothing(figure) for figure in figures.values()):
            taken = True  # a row of marks alone (— | —): a part whose label the copy moved away, holding nothing
        return labels + cells if taken else None

    def _second_heading_row(self, row: Row, texts: list[str]) -> bool:
        """The money headings' second row in a grid (a heading wrapped in its cell, 年初 / 预算数, or a group heading
        over the columns it spans, 预算数 over 年初 | 全年): each cell joined with the heading above it, or with the
        group heading to its left when its own column's is blank (a merged cell). True when that names more of the
        money table's columns than the first row alone."""
        top = self._money_heading_row
        self._money_heading_row = None
        if top is None or self._money_figures or any(is_figure(text) for text in texts) or any(
                cell.column is None for cell in row.filled):
            return False
        above = {cell.column: cell.text.strip() for cell in top.cells}
        below = {cell.column: cell.text.strip() for cell in row.filled}
        heads, group = [], ""
        # (a merged group heading holds the first of its columns only: the others are the group's too)
        for column in sorted(above.keys() | below.keys()):
            head, tail = above.get(column, ""), below.get(column, "")
            group = head or group
            # a part named in full under its group (年初预算 under 预算数(万元)) is its own heading
            joined = next((text for text in (head + tail, tail + group, tail) if tail and money_key(text)), head or tail)
            heads.append(joined)
        heads = [head for head in heads if head]
        keys = _plain_budget(heads, [money_key(head) for head in heads])
        if sum(1 for key in keys if key) <= sum(1 for key in self._money_headings if key):
            return False
        lead = next(index for index, key in enumerate(keys) if key)
        self._set_money_headings(heads[lead:], keys[lead:])
        return True

    def _run_on_figures(self, texts: list[str]) -> tuple[dict[str, str], MoneyCells]:
        """The figures running on after the money headings in text flow, by heading, and what was made of ``texts``.
        As many as the headings (or fewer, aligned on their rate) are theirs; more or fewer with no rate to align on
        run into the next row or lost a cell, and only the leading figures repeating the first (年初预算数 = 全年预算数,
        a budget left as planned) are sure to be the budget's: the others are left unread (P148)."""
        figures = [_money_figure(text) for text in takewhile(is_figure, texts)]
        headings = [key for key in self._money_headings if key]
        taken = figures[:len(headings)]
        rate = headings.index("execution_rate") if "execution_rate" in headings else None
        if _rate_left_blank(headings, figures[:len(headings) - 1]):
            taken = figures[:len(headings) - 1]  # (the figures after them are the next row's)
        if len(figures) == len(headings) or (len(figures) < len(headings) and _rate_at(figures) is not None) \
                or (rate is not None and rate < len(taken) and taken[rate].endswith("%")) \
                or _rate_left_blank(headings, taken):
            pairs = _under_headings(headings, taken)
            rest = texts[len(pairs):]
            if _run_on_row(headings, rest):
                return dict(pairs), MoneyCells(len(pairs) + len(rest))
            return dict(pairs), MoneyCells(len(pairs), tuple(rest))
        same = list(takewhile(lambda figure: parse_amount(figure) == parse_amount(figures[0]), figures))
        found = {key: figure for key, figure in zip(headings, same) if key in ("budget_initial", "budget_full")}
        return found, MoneyCells(len(found), tuple(texts[len(figures):]), tuple(figures[len(found):]))

    def _take_money_figures(self, figures: dict[str, str], row: Row, label: str) -> bool:
        """Keep a figures row of the money table read under its headings; False when the row is not the table's
        (its figures already read and the row neither fills a blank total nor its rate)."""
        if not self._money_figures:
            self._money_figures = figures
            self.money.update(figures)  # the money table's figures over a header block's
        elif self._money_total_blank():
            # the 年度资金总额 row left at 0 while its parts are filled: the parts add up to the total
            for key in _MONEY_AMOUNTS & figures.keys():
                self._money_parts[key] = self._money_parts.get(key, Decimal(0)) + (parse_amount(figures[key]) or 0)
                self.money[key] = str(self._money_parts[key])
        elif not self._rate_from_part(figures, label, row):
            return False
        total = _year_budget(self.money)
        if total and (not self.sheet.budget.total or self._money_parts):
            self.sheet.budget = self.sheet.budget.model_copy(update={"total": total})
        return True

    def _trailing_rate(self, texts: list[str]) -> bool:
        """The rate ending a row of label-figure pairs (预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100.00), kept; True
        when the row is one."""
        pairs = texts[:-1]
        if len(pairs) < 2 or len(pairs) % 2 or not is_figure(texts[-1]) or not all(
                is_figure(figure) and not is_figure(label) for label, figure in zip(pairs[::2], pairs[1::2])):
            return False
        self.money.setdefault("execution_rate", texts[-1])
        return True

    def _set_money_headings(self, texts: list[str], keys: list[str | None]) -> None:
        self._money_headings = keys
        self.money_headings = [text for text, key in zip(texts, keys) if key]
        period = next((text for text, key in zip(texts, keys) if key == "spent" and _SPENT_TO_DATE.match(match_key(text))),
                      None)
        if period:
            self.money["period"] = period  # 1-6月执行数: the monitoring period, when the title does not say
        self._money_reason = any(match_key(text) in _REASON_HEADINGS for text in texts)
        points = next((rate_points(text) for text, key in zip(texts, keys) if key == "score"), None)
        if points and "weight" not in keys:
            self.money["weight"] = points  # the rate's 分值, printed only in the score heading's note

    def _figures_under_headings(self, texts: list[str]) -> tuple[dict[str, str], MoneyCells] | None:
        """The figures of a row under the money headings, by heading (a 原因 note after them kept apart), and what was
        made of the row's cells: those placed (its label too), and those no heading takes (figures beyond the
        headings, a cell after the figures where the form has no note column)."""
        texts = [_stated_figure(text) for text in texts]
        values = texts if is_figure(texts[0]) else texts[1:]  # the figures row's label may be merged away
        # the figures come first; a 原因 or 说明 note may follow them (then the 得分 cell left empty is absent)
        figures = [_money_figure(text) for text in takewhile(is_figure, values)]
        if not values or len(figures) < min(2, len(values)):
            return None
        keyed = [key for key in self._money_headings if key]
        # (a row short of cells left the columns of headings without a field blank, unless it has more figures than
        # the fields and its rate stays under 执行率: 1,437 | 1,437 | 1,437 | 10 | 10 under 实际支出金额 | 下达额度 |
        # 实际完成值 | 分值 | 得分 | 偏差原因)
        headings = self._money_headings
        if len(values) < len(headings) and len(figures) <= len(keyed) or any(
                figure.endswith("%") and key != "execution_rate" for key, figure in zip(headings, figures)):
            headings = keyed
        # a part's marks of none hold the columns the form prints them in; a row of marks alone below the total's
        # figures is a part whose label the copy moved away
        part = header_label(texts[0]) in _PARTS or (values is texts and bool(self._money_figures))
        pairs = (_part_placed(keyed, figures) if part else None) or _under_headings(headings, figures)
        found = {key: value for key, value in pairs if key}
        # (a figure under a printed heading the records keep no field for, 年中调整金额 or 结余率, is in its column)
        placed = len(texts) - len(values) + len(pairs)
        beyond = values[len(pairs):len(figures)]
        cells = MoneyCells(placed + len(beyond)) if _run_on_row(keyed, beyond) else MoneyCells(placed, tuple(beyond))
        note = values[len(figures):]
        if self._money_reason and note and not self._money_figures:
            found["note"] = "\n".join(note)
            return found, cells + MoneyCells(len(note))
        # a cell after the figures is in its column where a heading without a field stands there (得分计算方法, the
        # template's rule printed under it); after the last heading, or under a figure's, it is in none
        columns = headings[len(figures):] if len(pairs) == len(figures) else []
        free = len(list(takewhile(lambda key: key is None, columns)))
        return found, cells + MoneyCells(min(free, len(note)), tuple(note[free:]))

    def _rate_from_part(self, figures: dict[str, str], label: str, row: Row) -> bool:
        """Take the rate, weight and score of a part row (其中：财政拨款) that the total row above left blank, when the
        part's amounts are the total's (all of the money is that part); True if any was taken (P147)."""
        # (a part's mark of none, 其中：本年财政拨款 | 880 | 880 | 880 | — | | —, is no rate or points to take)
        missing = [key for key in ("execution_rate", "weight", "score")
                   if key in figures and key not in self.money and not says_nothing(figures[key])]
        amounts = _MONEY_AMOUNTS & self._money_figures.keys()
        if not missing or not amounts or any(
                parse_amount(figures.get(key, "")) != parse_amount(self._money_figures[key]) for key in amounts):
            return False
        for key in missing:
            self.money[key] = figures[key]
        self._money_figures = {**self._money_figures, **{key: figures[key] for key in missing}}
        names = {"execution_rate": "执行率", "weight": "分值", "score": "得分"}
        self.diagnostics.append(diagnostic("P147", self._location(row, label), label=label,
                                           fields=quoted_cells([names[key] for key in missing], "、")))
        return True

    def _money_total_blank(self) -> bool:
        amounts = [parse_amount(self._money_figures[key]) for key in _MONEY_AMOUNTS & self._money_figures.keys()]
        return bool(amounts) and all(amount == 0 for amount in amounts)

    def _paired_figures(self, row: Row, label: str | None, figures: dict[str, str]) -> None:
        """A money row written as headings each with its figure in one cell (:func:`_colon_pairs`): the total's
        figures, or a part's (其中：当年财政拨款 | 全年预算数：120 | …) once the total's are read."""
        part = header_label(label) if label else None
        if part not in _PARTS or not self.money:
            for key, figure in figures.items():
                self.money.setdefault(key, figure)
            return
        if (amount := _year_budget(figures)) is not None:
            self.sheet.budget = with_part(self.sheet.budget, part, label, amount)
        self.part_rows.append((label, figures, row.line))

    def _money_pairs(self, texts: list[str], keys: list[str | None]) -> bool:
        """Headings each followed by its figure (转移支付执行数(B) | 5.8万): taken when the row holds nothing else."""
        if not any(keys) or len(texts) % 2 or not all(
                key and is_figure(figure) for key, figure in zip(keys[::2], texts[1::2])):
            return False
        for key, figure in zip(keys[::2], texts[1::2]):
            self.money.setdefault(key, _money_figure(figure))  # type: ignore[arg-type]
        if self.sheet.budget.total is None and (total := _year_budget(self.money)):
            # a goal form labelling its budget in a money table's words (年度预算数 | 12): the year's budget, as a
            # self-evaluation's money table states it (its record takes the same amount)
            self.sheet.budget = self.sheet.budget.model_copy(update={"total": total})
        return True

    @property
    def money_columns(self) -> int:
        """How many figures a row of the money table holds, while its headings are read and its figures are not."""
        return 0 if self._money_figures else self.part_columns

    @property
    def part_columns(self) -> int:
        """How many figures a part row of the money table holds (其中：本年财政拨款 | 90 | 89.974 | 89.974): one under
        each of its headings, before and after its total's figures are read."""
        return sum(1 for key in self._money_headings if key)

    def _below_grid(self, row: Row) -> None:
        """A row below the grid: the money table's where the form prints it there (forms that score the execution
        last: 预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | …) and none was read above the grid, else a trailer's."""
        if self._late_money is not False and (self._late_money or not self.money_headings) and self._money_row(row):
            self._late_money = True
            return
        if self._late_money:
            self._late_money = False  # (the money table is done: what follows is the trailer's)
        self._after_grid(row)

    def _in_name_and_target_columns(self, row: Row) -> bool:
        """True for a row below a Word, Excel or PDF grid whose cells stand under its 三级指标 and 指标值 headings, a
        name and a figure (the rest of a part whose levels the part above holds)."""
        columns = self.columns
        if columns is None or None in columns.positions or not {"name", "target"} <= set(columns.kinds):
            return False
        by_kind = {}
        for cell in row.filled:
            index = columns.kind_at(cell.column)
            by_kind.setdefault(columns.kinds[index] if index is not None else None, cell.text.strip())
        name, target = by_kind.get("name"), by_kind.get("target")
        return (name is not None and target is not None and is_value(target) and label(name).role is Role.TEXT
                and not is_total_label(fold(name)) and not is_trailer(fold(name)))

    def _after_grid(self, row: Row) -> None:
        """Rows below the grid (合计, 审核意见, 注 …) are not indicators; a total or a grade claimed there is kept.
        The total may stand after another trailer in the same row (其他需要说明事项 | 无 | 总分 | 100 | 96 | 优)."""
        texts = [cell.text.strip() for cell in row.filled]
        if _an_indicator_row(texts) or self._in_name_and_target_columns(row):
            # a part of the grid that something the reader does not take for a break (注：…) parted from it: its
            # rows are no trailer, and are not read as indicators either without a header to place their cells
            self.diagnostics.append(diagnostic("P176", self._location(row), set_aside=texts,
                                               text=quoted_cells(texts, limit=60)))
            return
        keys = [fold(text).rstrip(":") for text in texts]
        at = next((index for index, key in enumerate(keys) if is_total_label(key)), None)
        failed = [text for text in texts[at + 1:] if failed_number(text)] if at is not None else []
        if failed:
            # a figure that failed (总分 | 40 | NaN, a spreadsheet's formula): the score is not read from the cells
            # left (40 is the weights' sum), and the total stays unread rather than taken from the text below (P159)
            self.claimed["total"] = None
            self.diagnostics.append(diagnostic("P159", self._location(row, texts[at]), label=texts[at],
                                               values=Phrase.listing("“{value}”", [{"value": text} for text in failed])))
        elif at is not None:
            # A 合计 row holds the weights' sum before the score's (| 合计 | 100 | 90 |): the score is the last number,
            # or what follows the sum run together with it (总分 | 10098)
            figures = [t for t in texts[at + 1:] if parse_amount(t) is not None]
            score = total_score(figures) if len(figures) == 1 else None
            if score is None and figures:
                score = parse_amount(figures[0 if len(figures) == 2 and self.score_before_weight else -1])
            self.claimed["total"] = self.claimed.get("total") or score
        grade = next((t for t in texts if t in _GRADES), None)
        key = keys[0] if keys else ""
        if texts and _CONCLUSION.match(simplified_in_place(texts[0])):  # (評價結論 in a Traditional copy)
            self._conclusions("　".join(texts))
        if grade and ("等级" in key or "评价" in key or "结论" in key or at is not None):
            self.claimed["grade"] = grade
        elif "grade" not in self.claimed and (said := claimed_grade(" ".join(texts))):
            self.claimed["grade"] = said  # the label and its grade in one cell (评价等级：良), or said in a sentence

    def _conclusions(self, text: str) -> None:
        """Keep the closing fields (评价结论, 存在问题, 改进措施) that ``text`` holds, as ``label：text``: the label in
        Simplified characters, the text as written (found on the Simplified text, cut from the text as printed)."""
        self.claimed.setdefault("conclusions", []).extend(
            f"{found.group(1)}：{text[found.start(2):found.end(2)]}"
            for found in _CONCLUSION.finditer(simplified_in_place(text)))

    def set_unit_from_text(self, text: str) -> bool:
        """Take a paragraph outside the table that names the unit (``434016XX``, ``预算单位：XX``) and/or the
        money unit, or the year alone; True if it did. Word lines often hold both, spaced apart (``预算单位：XX　　单位：万元``).
        A year broken from its 年度 over two lines (a PDF's text: ``(2022`` / ``年度)``) is joined again."""
        text = text.strip()
        piece, self._year_piece = self._year_piece, None
        if piece is not None and text.startswith("年"):
            text = piece + text
        elif self.sheet.year is None and _YEAR_PIECE.fullmatch(text):
            self._year_piece = text
            return True
        # the year beside the line's other fields, apart by a single space or none ((2024年度)单位:万元): the line's
        # only where all the rest are fields of the heading, not a sentence opening with a year
        year, rest = year_mark(text) if self.sheet.year is None else (None, text)
        taken = [self._heading_part(part) for part in _SPACED_PARTS.split(rest) if part]
        if year is not None and all(taken):
            self.sheet.year = year
            return True
        return any(taken)

    def _heading_part(self, text: str) -> bool:
        unit, money_unit = parse_unit_line(text), parse_money_unit(text)
        pair = split_label_value(text)
        if pair and pair[0] == "unit" and not unit:
            unit = parse_unit(self._unit_value(pair[1]))
        if unit and not self.sheet.unit:
            self.sheet.unit = unit
        elif money_unit:
            self.sheet.money_unit = money_unit
        elif self.sheet.year is None and year_line(text):
            self.sheet.year = year_line(text)  # the year under the form's title: (2022年度)
        else:
            return False
        return True

    def finish(self) -> tuple[GoalSheet, list[Diagnostic]]:
        """The sheet and its diagnostics."""
        self.close_grid()
        self._settle_fused()
        self._drop_framework()
        self._drop_scrambled()
        self._drop_repeated_notes()
        self._restore_levels()
        self._year_from_name()
        self._year_from_span()
        self._year_from_deadlines()
        self._total_from_span()
        self._span_from_year()
        self._total_from_sources()
        self.sheet.choices = settled([choice for label, text, _ in self._choice_texts
                                      if (choice := read_choice(label, text)) is not None])
        if self.columns is None:
            self.diagnostics.append(diagnostic("P101", self._location()))
        return self.sheet, self.diagnostics

    def _year_from_name(self) -> None:
        """A sheet whose title and header state no year takes the one its project name opens with
        (2023年雨露计划就学补助项目), said once: the import checks the chosen year against it."""
        found = _NAME_YEAR.match(self.sheet.name or "") if self.sheet.year is None else None
        if found:
            self.sheet.year = int(found.group(1))
            self.diagnostics.append(diagnostic("P125", self._location(), year=found.group(1)))

    def _year_from_span(self) -> None:
        """A sheet whose title, header and name state no year, and whose span runs within one year it names (起止时间
        2022年1月—12月, 实施期 2023年), takes that year, said once: the import checks the chosen year against it. A
        span of several years, or of one year not named (项目期 1年), says no year."""
        period = self.sheet.period
        if self.sheet.year is None and period is not None and period.start is not None and period.start == period.end:
            self.sheet.year = period.start
            self.diagnostics.append(diagnostic("P180", self._location(), span=period.text or f"{period.start}年"))

    def _year_from_deadlines(self) -> None:
        """A sheet whose title, header, name and span state no year, and whose deadlines all fall in one year (a 时效
        target 2021年12月31日前, a goal 到2022年底完工), takes that year, said once: the import checks the chosen year
        against it. Deadlines of several years, or none naming its year (12月底前), say no year."""
        if self.sheet.year is not None:
            return
        dates = [i.target.date for i in self.sheet.indicators if i.target.date] + self.sheet.goals
        years = set().union(*map(dated_years, dates))
        if len(years) == 1:
            (self.sheet.year,) = years
            self.diagnostics.append(diagnostic("P181", self._location(), year=str(self.sheet.year)))

    def _total_from_span(self) -> None:
        """A form that prints the whole span's budget (项目总预算) and no label of the year's at all states the year's
        only where the span is that one year (项目期 1年, 实施期 2023年): then the span's is the sheet's. A span of more
        years, or one whose length the form does not say, leaves the sheet's budget unstated, the span's kept as the
        period's (GoalSheet.period): which part of it the year spends, the form does not say."""
        period = self.sheet.period
        if period is None or period.budget.total is None or self.sheet.budget.total is not None \
                or canonical_label("header", "total") in self.sheet.form_fields or _year_budget(self.money) is not None:
            return
        if period.length() == 1:
            self.sheet.budget = self.sheet.budget.model_copy(update={"total": period.budget.total})
        else:
            self.diagnostics.append(diagnostic("P160", self._location(column=self._span_label), label=self._span_label,
                                               amount=amount_text(period.budget.total)))

    def _span_from_year(self) -> None:
        """A span of one year the form states by its length alone (项目期 1年, no year of it named) is the sheet's year."""
        period, year = self.sheet.period, self.sheet.year
        if period is not None and period.start is None and period.end is None and period.years == 1 \
                and year is not None:
            self.sheet.period = period.model_copy(update={"start": year, "end": year})

    def _total_from_sources(self) -> None:
        """A header block that fills no total but its sources (the 年度资金总额 cell a heading or blank, the money
        listed as (一)财政拨款小计 and 其他资金 rows) holds the total as their sum, said once: the sources the
        vocabulary does not know (自有资金, 事业收入) are read as none, so the import asks for it to be checked. A money
        table's 年度资金总额 row, where there is one, is the total instead; a total left blank, or written in a way
        not read (十八万), is the user's to fill, not replaced by the sum."""
        budget = self.sheet.budget
        if budget.total is not None or budget.fiscal is None or self._total_written \
                or canonical_label("header", "total") in self.sheet.blank_fields or _year_budget(self.money) is not None:
            return  # (a self-evaluation's money table states the year's budget: the record takes it from there)
        total = budget.parts()
        self.sheet.budget = budget.model_copy(update={"total": total})
        self.diagnostics.append(diagnostic("P149", self._location(column="资金"), amount=f"{total:f}"))

    def _drop_framework(self) -> None:
        """Leave out the rows of an evaluation framework's scoring table (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 |
        分值 | 得分: 项目决策, 项目管理, 项目绩效 and their parts): a grid with columns of points and no column of
        values (指标值, 实际完成值) scores the evaluation, it sets no performance target. Reported once."""
        kinds = set(self.columns.kinds) if self.columns is not None else set()
        indicators = self.sheet.indicators
        if not indicators or not kinds & {"weight", "score"} or kinds & _VALUE_KINDS \
                or any(indicator.target.raw for indicator in indicators):
            return
        names = [indicator.name for indicator in indicators]
        self.diagnostics.append(diagnostic("P122", self._location().model_copy(update={"row": indicators[0].row}),
                                           names, count=len(indicators), text=quoted_cells(names, limit=80)))
        self._leave_out(set(range(1, len(indicators) + 1)))

    def _drop_scrambled(self) -> None:
        """Leave out the rows of a table whose text is too scrambled to place (a PDF or sheet whose cells came
        out as fragments: 年初指 | 标值 | 公 | 里), reported once with the file and the table's first such row.

        A row that prints a name and nothing else (no value, no points, no other cell) is read as an indicator
        with a blank value. When the header found no column for the values and such rows are most of the table,
        they are fragments of the headings, notes and cells around them, not indicators (a blank form keeps its
        value column and its rows)."""
        kinds = self.columns.kinds if self.columns is not None else []
        if not kinds or "target" in kinds or EXTRA in kinds or self.values_cut:
            return  # (names whose values the copy lost after their heading are rows, read with no value: P124)
        indicators = self.sheet.indicators
        # text columns (评价标准, 指标解释) take fragments as the name does: a row of them holds no value either
        bare = {position for position, values in self.results if _no_value(indicators[position - 1], values)}
        if len(bare) < _SCRAMBLED_ROWS or 2 * len(bare) <= len(indicators):
            return
        first = indicators[min(bare) - 1]
        names = [indicators[position - 1].name for position in sorted(bare)]
        self._leave_out(bare)
        self.diagnostics.append(diagnostic("P121", self._location().model_copy(update={"row": first.row}),
                                           names, count=len(bare), text=quoted_cells(names, limit=80)))

    def _drop_repeated_notes(self) -> None:
        """Leave out a row whose only cell is the note another column prints on the rows around it (未达指标值酌情扣分
        under 评(扣)分标准): a row left empty but for that note, slid into the name column, is no indicator."""
        indicators = self.sheet.indicators
        name_only = [position for position, values in self.results if _name_only(indicators[position - 1], values)]
        notes: set[str] = set()
        if name_only:  # (the notes are gathered only for a sheet with such a row: most have none)
            notes = {fold(simplified(text)) for indicator in indicators
                     for text in (*indicator.extra.values(), indicator.description or "") if text.strip()}
        repeated = {position for position in name_only if fold(indicators[position - 1].name) in notes}
        for position in sorted(repeated):
            indicator = indicators[position - 1]
            self.diagnostics.append(diagnostic("P108", self._location().model_copy(update={"row": indicator.row}),
                                               [indicator.name], text=indicator.name[:80]))
        self._leave_out(repeated)

    def _restore_levels(self) -> None:
        """The rows of a table that printed its levels apart from them (a PDF's merged cells after the rows) take the
        level 2 their names say, of those the grid printed on rows that hold no indicator (:mod:`.lost_levels`),
        reported as a guess (P185)."""
        indicators = self.sheet.indicators
        for table in dict.fromkeys(indicator.table for indicator in indicators):
            positions = [at for at, indicator in enumerate(indicators) if indicator.table == table]
            restored = restored_levels([indicators[at].level2 or indicators[at].level1 for at in positions],
                                       [indicators[at].name for at in positions], self._unplaced_level2)
            readings = []
            for at, level2, word in restored:
                indicator = indicators[positions[at]]
                indicators[positions[at]] = indicator.model_copy(update={
                    "level2": level2, "level1": _implied_level1(level2),
                    "confidence": min(indicator.confidence, GUESS_CONFIDENCE)})
                readings.append(Phrase("“{name}”读作{level2}（名称中有“{word}”）", {"name": indicator.name, "level2": level2,
                                                                           "word": word}) if word else
                                Phrase("“{name}”读作{level2}（名称没有说明，按前后同组的行）", {"name": indicator.name, "level2": level2}))
            if readings:
                first = indicators[positions[restored[0][0]]]
                self.diagnostics.append(diagnostic("P185", self._location().model_copy(update={"row": first.row, "table": table}),
                                                   count=len(readings), readings=Phrase.joined(readings)))

    def _leave_out(self, positions: set[int]) -> None:
        """Remove the indicators at these positions (from 1), keeping the cells recorded for the others."""
        indicators = self.sheet.indicators
        kept = [position for position in range(1, len(indicators) + 1) if position not in positions]
        self.sheet.indicators = [indicators[position - 1] for position in kept]
        renumbered = {old: new for new, old in enumerate(kept, 1)}
        self.results = [(renumbered[position], values) for position, values in self.results if position in renumbered]
        self._printed = {renumbered[position]: printed for position, printed in self._printed.items()
                         if position in renumbered}

    # -- the header block ----------------------------------------------------------------------------------
    def _feed_header(self, row: Row) -> None:
        texts = _dates_joined(_broken_labels(_years_joined([cell.text.strip() for cell in row.cells])))
        # (a row of sources before a row of labels over their values: the year's row naming the span's sources again)
        if self._sources_row(row, texts) or self._amounts_below(row, texts) or self._values_below(row, texts) \
                or self._stacked_plan(row, texts):
            return
        texts = self._take_pending_amount(row, texts)
        if self._second_goal_row(texts, row) or self._goals_continue(texts, row):
            return
        block_at = opening(texts)
        # (a row opening a goals block is no pending label's value, though its headings are no header labels)
        if block_at is None and self._take_pending(row, texts):
            return
        fields = texts if block_at is None else texts[:block_at]
        self._span_heading(texts)
        index = 0
        while index < len(fields):
            text = fields[index]
            index += 1
            if not text:
                continue
            pair = split_label_value(text)
            if pair:
                self._assign(pair[0], pair[1], row, text)
                continue
            field = block_label(text)  # (a row of the header block: its own labels too)
            if field is None and (spaced := _span_spaced(text)):
                field, value, label = spaced
                self._assign(field, value, row, label)
                continue
            if field is None:
                self._unlabelled(text, row)
                continue
            if field == "spend_plan":
                self._plan(fields[index:], row)
                return
            if field == "budget_section":
                if money_unit := label_money_unit(text):
                    # 资金情况(万元): the amounts below are in it, whatever the table's 单位 line above said
                    self.sheet.money_unit = money_unit
                filled = [at for at in range(index, len(fields)) if fields[at]]
                if len(filled) == 1 and parse_amount(fields[filled[0]]) is not None:
                    # the section's label with one amount beside it and nothing else (项目资金(万元) | 12): its total
                    self._assign("total", fields[filled[0]], row, text)
                    index = len(fields)
                    continue
                self._pending = "purpose"
                continue
            value = ""
            # (a label merged over two columns leaves an empty cell between it and its value: 项目名称 | | XX)
            ahead = next((at for at in range(index, len(fields)) if fields[at]), len(fields))
            if ahead < len(fields) and not _labelled(fields[ahead]):
                value = fields[ahead]
                index = ahead + 1
            if not value and field == "purpose":
                self._pending = field
                continue
            if not value and field in _AMOUNT_FIELDS and ahead >= len(fields):
                self._assign(field, "", row, text)  # blank unless the next line holds the amount (资金总额: / 854)
                self._pending_amount = field
                continue
            self._assign(field, value, row, text)
        if block_at is not None:
            # (after a row of other fields' labels alone, a wide form's headings over its values: the goals' label is
            # the form's whether or not a value follows, 单位代码 | 单位(专项)名称 | 资金总额 | 实施期绩效目标)
            headings = block_at > 0 and all(header_label(text) for text in texts[:block_at] if text)
            self._open_goals(texts[block_at:], row, headings)

    def _span_heading(self, texts: list[str]) -> None:
        """The span's years a long-term goals label prints (中期目标(2023年—2025年)), where no 项目期 named them."""
        for text in texts:
            if text and goals_word(text) == "long_term_goals" and (found := parse_span(text)) is not None:
                period = self.sheet.period or Period()
                if (found.start, found.end) != (None, None) and period.start is None and period.end is None:
                    self.sheet.period = period.model_copy(update={"start": found.start, "end": found.end})

    # -- the goals block (:mod:`.goals_block`) -------------------------------------------------------------
    def _open_goals(self, texts: list[str], row: Row, headings: bool = False) -> None:
        """A goals block opens at the first of ``texts``: its values after its labels, or in a row to come. In a row of
        ``headings`` its labels are the form's fields though no value is read."""
        block = GoalsBlock()
        waiting = self._goals_block if self._pending is not None and self._goals_block is not None else None
        if waiting is not None and waiting.fields[-1:] == ("long_term_goals",) and goals_word(texts[0]) == "goals":
            # the year's label right after the long term's, its row broken at it (中期目标 / 年度目标 | …): the two
            # name both periods side by side, and the values after them follow them in that order
            block.fields = waiting.fields
        values = block.take_labels(texts)
        for field in block.fields if headings else ():
            self._form_field("header", field)
        self._pending, self._goals_block = (None, None) if values else (block.target, block)
        if values:
            self._set_goals(block, values, row)

    def _goals_continue(self, texts: list[str], row: Row) -> bool:
        """A row after a goals block's labels: more of its headings (年度总体目标 / 年初设定目标 | 年度总体目标完成情况综述),
        perhaps with the values after them, or its values alone; True when the row was the block's."""
        block = self._goals_block
        filled = [text for text in texts if text]
        if block is None or self._pending != block.target or not filled or goals_word(filled[0]) in _GOAL_FIELDS:
            return False  # (another goals label opens a block of its own: 中期目标 | 年度目标 / 总体目标 | …)
        if not is_goals_word(filled[0]) and any(header_label(text) or split_label_value(text) for text in filled):
            return False  # another field's label: the block waits on
        values = block.take_labels(filled)
        if values:
            self._pending = self._goals_block = None
            self._set_goals(block, values, row)
        return True  # (a row of a 分值 alone holds no goal either)

    def _set_goals(self, block: GoalsBlock, values: list[str], row: Row) -> None:
        """The goals, and the sheet's word on their completion (a self-evaluation's). Under two labels naming both
        periods (中期目标 | 年度目标) the first value is the first label's and the rest the second's; one value alone in its
        row is the block's until the row after it brings the other (:meth:`_second_goal_row`)."""
        if block.rate is not None:
            self.money.setdefault("execution_rate", block.rate)  # (read only where the sheet is a self-evaluation)
        pair = block.pair
        if pair and len(values) >= 2:
            # (each period's goal one merged cell: the first is the first label's, what follows the second's)
            self._assign(pair[0], values[0], row, pair[0])
            self._assign(pair[1], "\n".join(values[1:]), row, pair[1])
            return
        if pair and len(values) == 1:
            before = len(getattr(self.sheet, block.target))
            self._assign(block.target, values[0], row, block.target)
            self._second_goal = (pair, block.target, len(getattr(self.sheet, block.target)) - before)
            return
        goals, done = block.split(values)
        goals, described = expected_part(goals)
        if described and self.sheet.purpose is None:
            self._assign("purpose", "\n".join(described), row, "purpose")  # (what the project is, before its goals)
        # (a goal in a cell merged over several columns, repeated in each by the export, is one goal)
        self._assign(block.target, "\n".join(dict.fromkeys(goals)), row, block.target)
        if done:
            self.overall_actual = "\n".join(done)

    def _second_goal_row(self, texts: list[str], row: Row) -> bool:
        """The row right after the first value of a goals block heading both periods side by side (中期目标 | 年度目标,
        each value in a row of its own): one text that is no label, goals word or figure is the second period's goal,
        and the value before it was the first period's. True when the row was that goal."""
        second, self._second_goal = self._second_goal, None
        filled = [text for text in texts if text]
        if second is None or len(filled) != 1 or _labelled(filled[0]) or is_goals_word(filled[0]) \
                or is_figure(filled[0]) or is_bare_number(filled[0]):
            return False
        (first_field, second_field), took, count = second
        taken = getattr(self.sheet, took)
        moved, taken[len(taken) - count:] = taken[len(taken) - count:], []
        getattr(self.sheet, first_field).extend(moved)
        self._assign(second_field, filled[0], row, second_field)
        return True

    def _amounts_below(self, row: Row, texts: list[str]) -> bool:
        """A block of amounts whose labels head columns (专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他), perhaps
        over a row of the sources' sub-headings (中央 | 省级 | 市级资金 | 本级), and whose figures stand in a row below
        (7 | 0 | 7 | 0 | 0 | 0): the total is the figure under its label, the leftmost. True when the row was the
        block's headings or figures."""
        filled = [text for text in texts if text]
        fields = [header_label(text) for text in filled]
        amounts = [field for field in fields if field in _AMOUNT_FIELDS]
        # (after the block's own name, no field's label, only amount labels and a short heading of the rest, 其他: no
        # figure; a form's 预算规模 | 预算数 | 财政资金 | 其他资金 row with its values left blank is no such block)
        if len(amounts) >= 2 and fields[0] is None and all(
                field in _AMOUNT_FIELDS or (field is None and len(text) <= _LABEL_PIECE and not is_figure(text))
                for text, field in zip(filled[1:], fields[1:])):
            self._amount_columns, self._amount_wait = amounts, 2  # (the fields are the form's once their figures are)
            for text in filled[1:]:
                if unit := label_money_unit(text):
                    self.sheet.money_unit = self.sheet.money_unit or unit
            return True
        if not self._amount_columns or not filled:
            return False
        if all(parse_amount(text) is not None for text in filled):
            columns, self._amount_columns = self._amount_columns, []
            if columns[0] == "total" and self.sheet.budget.total is None:
                self._assign("total", filled[0], row, canonical_label("header", "total"))
            return True
        self._amount_wait -= 1
        if self._amount_wait <= 0 or any(header_label(text) or is_figure(text) for text in filled):
            self._amount_columns = []  # (no figures came: the block was something else)
            return False
        return True  # the sources' sub-headings

    def _values_below(self, row: Row, texts: list[str]) -> bool:
        """The values of a row of labels alone (项目名称 | 主管部门 over XX | YY; 项目名称 over XX: a form whose labels head
        its columns), one below each label in order; True when the row was those values. A row of labels alone is
        read as usual (each label blank) and kept for the row after it, whose values then fill them when it holds as
        many cells as there were labels, none of them a label."""
        labels, self._labels_above = self._labels_above, []
        filled = [text for text in texts if text]
        if labels and len(filled) == len(labels) and not any(_labelled(text) or is_goals_word(text) or money_key(text)
                                                             for text in filled) and all(
                field not in _AMOUNT_FIELDS or parse_field_amount(value) is not None
                for (field, _, _), value in zip(labels, filled)):  # (an amount's value is one: 其他资金: over 基本支出:622)
            self._pending_amount = None  # (the last label's wait is over: its value is here)
            for (field, label, _), value in zip(labels, filled):
                self._assign(field, value, row, label)
            return True
        if labels and (under := _values_by_column(labels, row)) is not None:
            self._pending_amount = None
            for field, label, _ in labels:
                self._assign(field, under.get(label, ""), row, label)  # (a value left blank: its label's field is blank)
            return True
        # (the cells' grid columns, where the row's texts are its cells as printed, none joined again; the money
        # block's label merged down beside the labels, 项目资金(万元) | 资金总额 | 财政拨款 | 其他资金, heads them)
        columns = [cell.column for cell in row.filled] if len(row.filled) == len(filled) else [None] * len(filled)
        cells = [(header_label(text), text, column) for text, column in zip(filled, columns)
                 if block_label(text) != "budget_section"]
        if cells and all(field in _ABOVE_FIELDS for field, _, _ in cells):
            self._labels_above = cells  # type: ignore[assignment]
        return False

    def _sources_row(self, row: Row, texts: list[str]) -> bool:
        """A row of other sources of the money right under its row (预算数 | … | 其他资金 | …), or under another such
        row: labels each followed by its amount or by none (a source only the other budget has), as jixiao's writers
        list :attr:`Budget.sources` there and as forms print more sources there (中央补助 | 30 | 社会捐赠 | 5). Its labels
        are the sources' whatever they say, as the model and the API keep any label: the place and the shape say what
        they are, not the words (the reader knows a few sources by name only). Anything else there is read as before:
        a label known as another field or opening with 其中 (a part of the money above), two figures in a row, a text
        that is no label (a sentence of the 资金用途, a cell with a digit), or a
        row of labels without any amount (the sources' sub-headings, 中央 | 省级 | 本级, over their figures) unless each
        names again a source listed under the span's budget (the year's row of the span's sources alone). True when
        the row was one; a money label waiting for its amount (其他资金 left blank at its line's end) then stays blank."""
        # (the money's row with every amount blank waits as a row of labels alone over their values)
        under = self._money_at == self._row_count - 1 or any(field in _MONEY_ROW for field, *_ in self._labels_above)
        if not under or self._pending_amount is not None and self._money_alone:
            return False  # (a money label alone on its line, waiting for its amount, takes the fund's name and amount)
        pairs: list[list[str]] = []
        for text in texts:
            if not text or block_label(text) == "budget_section":
                continue  # (the block's label, merged down beside its rows)
            if parse_field_amount(text) is not None and is_figure(text):
                if not pairs or pairs[-1][1]:
                    return False
                pairs[-1][1] = text
            elif is_figure(text) or split_label_value(text) or header_label(text) not in (None, "source") \
                    or len(fold(text)) > _SOURCE_LABEL_LENGTH or fold(text).startswith("其中") \
                    or any(char.isdigit() or char in _SENTENCE_MARKS for char in text):
                return False  # (其中: 省级财政 under 财政资金 is a part of the money above, no source beside it)
            else:
                pairs.append([text, ""])
        if not pairs or not any(amount for _, amount in pairs) and not all(
                source_name(name) in self._parts_seen for name, _ in pairs):
            return False
        self._pending_amount, self._labels_above = None, []
        for name, amount in pairs:
            self._assign("source", amount, row, name)
        self._money_at, self._money_alone = self._row_count, False
        return True

    def _take_pending_amount(self, row: Row, texts: list[str]) -> list[str]:
        """The row's cells after the amount a pending amount label takes from its first cell (资金总额: / 250万 |
        该项目支出上级资金 | 0); a first cell holding no amount leaves the label blank."""
        if self._pending_amount is None or not any(texts):
            return texts
        field, self._pending_amount = self._pending_amount, None
        filled = [index for index, text in enumerate(texts) if text]
        first, label = filled[0], field
        if len(filled) > 1 and label_money_unit(texts[first]) and len(fold(texts[first])) <= _UNIT_NOTE:
            # the label's unit broken onto the amount's row (计划投资额 / (万元) | 570): the label's, the amount after it
            first, label = filled[1], field + texts[first]
        elif len(filled) > 1 and parse_field_amount(texts[first] + texts[filled[1]]) is not None \
                and parse_amount(texts[filled[1]]) is not None and header_label(texts[first]) is None:
            # the fund the money comes from, its amount in the next cell (财政拨款 / 少数民族发展资金 | 37万元); a
            # label of its own (其他资金 / 上年结转资金 | 5.00: a source beside it) is no fund's name
            first = filled[1]
        if parse_field_amount(texts[first]) is None:
            return texts  # (其他资金: left blank, the next line is another field)
        self._assign(field, texts[first], row, label)
        return texts[first + 1:]

    def _take_pending(self, row: Row, texts: list[str]) -> bool:
        filled = [t for t in texts if t]
        if self._plan_labels:
            labels, self._plan_labels = self._plan_labels, []
            values = [t for t in filled if parse_amount(t) is not None or t.endswith("%")]
            if values and len(values) == len(filled):
                self._set_plan(labels, values, row)
                return True
        if self._pending and filled and all(header_label(t) is None and not split_label_value(t) for t in filled):
            field, self._pending = self._pending, None
            self._assign(field, "\n".join(filled), row, field)
            return True
        return False

    def _unlabelled(self, text: str, row: Row) -> None:
        if self._options_unlabelled(text):
            return
        unit, money_unit = parse_unit_line(text), parse_money_unit(text)
        inner = {field: amount for field, amount in _inner_amounts(text).items()
                 if getattr(self.sheet.budget, field) is None}
        if inner:
            for field, amount in inner.items():
                self._assign(field, amount, row, text)
        elif unit:
            self.sheet.unit = unit
        elif money_unit:
            self.sheet.money_unit = money_unit
        elif year_line(text):
            self.sheet.year = year_line(text)
        elif self.sheet.year is None and parse_title(text) and ":" not in fold(text):
            # the form's title as the first cell of a row beside a field (2022年度项目支出绩效自评表 | 部门:XX): its year
            # (not a page's line naming the title among its fields, 名称: XX自评表 (2021) 发布日期: 2022年04月02日)
            self.sheet.year = title_year(text)

    def _options_unlabelled(self, text: str) -> bool:
        """A cell no label claims that is an option list, or more of one: the next options of the field before it in
        the row (项目类型 | 部门预算 □ | 切块预算 □), or the options of a field the vocabulary does not know, its label the
        cell before (是否政府采购 | □是 □否; a 是否 question takes plain words too: 是否公开 | 是/否). True when taken."""
        last = self._choice_texts[-1] if self._choice_texts else None
        if self._choice_open and last is not None and last[2] == self._row_count:
            label, value, at = last
            alone, joined = read_choice(label, value), read_choice(label, f"{value} {text.strip()}")
            # (a box alone, broken from the option before it, is the list's too: 1、持续性项目 2、新增性项目 | □)
            if joined is not None and (len(joined.options) > (len(alone.options) if alone else 0)
                                       or alone is not None and is_boxes(text)):
                self._choice_texts[-1] = (label, f"{value} {text.strip()}", at)  # another of its options
                return True
        self._choice_open = False  # (a cell of something else ends the field's options)
        before, self._loose_label = self._loose_label, None
        label = before[0] if before is not None and before[1] == self._row_count else None
        if is_option_row(text) or label is not None and label.startswith("是否") and read_choice(label, text):
            self._choice_texts.append((label, text.strip(), self._row_count))
            self._choice_open = True
            return True
        if len(text.strip()) <= _CHOICE_LABEL and not any(char.isdigit() for char in text):
            self._loose_label = (text.strip(), self._row_count)  # (perhaps the label of options after it)
        return False

    def _assign(self, field: str, value: str, row: Row, label: str) -> None:
        sheet = self.sheet
        if field == "name":
            value = value.rstrip("。；;")  # (项目名称:XX项目。 the sentence's end is no part of the name)
        self._form_field("header", field)
        self._blank_field(field, value)
        self._choice_open = field == "attribute"
        if field == "attribute":
            self._choice_texts.append((label, value.strip(), self._row_count))
        if field in _MONEY_ROW:
            self._money_at = self._row_count
            self._money_alone = len(row.filled) == 1
        if field in _PARTS and self._span_first:
            self._part_again(field, label)
        if field == "period_total":
            self._span_label = label.replace("：", ":").partition(":")[0].strip()
            self._span_amount("total", value, row, label)
            self._span_first = self._span_first or canonical_label("header", "total") not in self.sheet.form_fields
        elif field == "period" and (found := parse_span(value)) is not None:
            period = self.sheet.period or Period()
            self.sheet.period = period.model_copy(update={
                "text": found.text, "years": found.years,
                "start": found.start if found.start is not None else period.start,
                "end": found.end if found.end is not None else period.end})
        elif field in _SPAN_DATES and (found := parse_span(value)) is not None and found.start is not None:
            self._span_dates[field] = value
            period = self.sheet.period or Period()
            update: dict = {"start": found.start} if field == "period_start" else {"end": found.end}
            dates = [self._span_dates.get(date, "") for date in _SPAN_DATES]
            if period.text is None and all(_WHOLE_DATE.fullmatch(date) for date in dates):
                update["text"] = "—".join(dates)  # (both as printed; a date a copy cut short names its year only)
            self.sheet.period = period.model_copy(update=update)
        if field in _AMOUNT_FIELDS:
            value, amount = self._amount_cell(value, row, label)
            if value and amount is None:
                self._total_written |= field == "total" and _WRITTEN_AMOUNT.match(value) is not None
            if amount is not None or value:  # (a blank label, the heading of a later table's column, erases nothing)
                sheet.budget = with_part(sheet.budget, field, label, amount)
        elif field == "name" and value.startswith(_LIST_SEPARATORS):
            # 项目名称、实施地点、建设任务…: the label is an item of a sentence's list of the form's fields, and what
            # follows it the rest of that list, no name
            return
        elif field == "name" and _run_on(value):
            at = _run_on(value)
            self._assign(field, value[:at], row, label)
            # the fields run on after it: of those, the amounts are read (其他资金20万元预算申报数20万元), the others
            # are left unread
            for found, amount in _inner_amounts(value[at:]).items():
                if getattr(sheet.budget, found) is None:
                    self._assign(found, amount, row, value[at:])
        elif field == "name" and parse_title(value) and title_project(value) is None:
            # a form's title naming no project written in the name cell (项目支出绩效目标表, a blank form's): no name (a
            # cell that names one, XX补助经费支出绩效自评表, is the name as written)
            return
        elif field == "name" and parse_coded_name(value):
            code, sheet.name = parse_coded_name(value)  # type: ignore[misc]
            sheet.code = sheet.code or code
        elif field in _TEXT_FIELDS:
            setattr(sheet, field, value or None)
        elif field in _GOAL_FIELDS:
            getattr(sheet, field).extend(split_items(value))
        elif field == "unit":
            value = self._unit_value(value)
            if names_own_unit(value):
                return  # (项目实施单位:本单位 names the unit the form's 单位名称 gives, not a unit called 本单位)
            found = parse_unit(value) or Unit()  # (a code written before the name is the unit's own)
            if not found.code:
                found = found.model_copy(update={"code": sheet.unit.code if sheet.unit else None})
            sheet.unit = found if found.code or found.name else None  # (填报单位:(盖章) of a blank form)
        elif field == "department" and "主管" not in label and value:
            # a 部门整体 form's 部门(单位)名称 names the unit the whole sheet is about (a project form's 主管部门 names
            # the unit above the project's, whose code is not the unit's own): its unit, and under a 整体 title its name
            own = parse_unit(value)
            if own and not (sheet.unit and sheet.unit.name):  # (a 单位编码 read before it keeps its code)
                sheet.unit = own.model_copy(update={"code": own.code or (sheet.unit.code if sheet.unit else None)})
            if "整体" in (sheet.title or ""):  # (部门整体支出绩效目标表: the department is what the sheet is about)
                sheet.name = sheet.name or (sheet.unit.name if sheet.unit else None)
        elif field == "unit_code":
            code = _CODE.search(fold(value))  # (230001 of 230001项目名称…: text run together stops at the code's end)
            sheet.unit = (sheet.unit or Unit()).model_copy(update={"code": code.group() if code else None})
        elif field == "spent":
            self.money.setdefault("spent", value)  # 执行数: 2.38 beside 预算数 in a self-evaluation's header block
        elif field == "year" and _names_span(value):
            # 实施年度 | 2024-2026: a multi-year project's span printed where the form asks its year, the project's
            # period, its year left to the title or said from the span (not its last year taken for the budget's)
            self._assign("period", value, row, label)
        elif field == "year" and value and parse_year(value + "年") is None and _is_sentence(value) and not (
                _inner_amounts(value) or sheet.goals):
            # 年度 | 文化惠民工程,主要用于送戏进万村…: the 年度 row of a goals block (总体目标 over 中长期 | 年度, the
            # block's label lost or broken away), its value the year's goals
            self._assign("goals", value, row, label)
        elif field == "year" and value and parse_year(value + "年") is None:
            self._unlabelled(value, row)  # 年度 | 预算申请(万元)资金总额:952.22: a label's word, not the year's
        elif field == "year" and value:
            sheet.year = parse_year(value + "年")
        # (a 年度 label left blank, or heading a row whose cells come later, keeps the year the title stated)
        # department and other recognised labels carry nothing the model keeps.

    def _part_again(self, field: str, label: str) -> None:
        """A part of the money labelled a second time below the span's budget and the year's: the first was the span's
        (其中:财政拨款 449.8 under 中期资金总额 449.8, then 其中:财政拨款 189.8 under 年度资金总额 189.8), moved to it."""
        key = source_name(label) if field == "source" else field
        if key not in self._parts_seen:
            self._parts_seen.add(key)
            return
        budget = self.sheet.budget
        first = budget.sources.get(key) if field == "source" else getattr(budget, field)
        if first is not None:
            period = self.sheet.period or Period()
            self.sheet.period = period.model_copy(update={"budget": with_part(period.budget, field, label, first)})
            # (not the year's too: a year's part left blank under the span's filled one is none)
            self.sheet.budget = with_part(budget, field, label, None)

    def _span_amount(self, field: str, value: str, row: Row, label: str) -> None:
        """The whole span's ``field`` (its total or a part of it) as the form prints it: GoalSheet.period's budget."""
        _, amount = self._amount_cell(value, row, label)
        if amount is None:
            return
        period = self.sheet.period or Period()
        self.sheet.period = period.model_copy(update={"budget": with_part(period.budget, field, label, amount)})

    def _amount_cell(self, value: str, row: Row | None, label: str) -> tuple[str, Decimal | None]:
        """An amount field's cell as read (capital numerals as figures) and its amount in the table's money unit; a
        cell holding words but no amount is said (P106) and has none."""
        value = self._capital_figures(value, row, label)
        amount = parse_field_amount(value)
        if value and amount is None:
            self.diagnostics.append(diagnostic("P106", self._location(row, label), field=label, value=value))
        return value, self._in_table_unit(amount, value, row, label) if amount is not None else None

    def _capital_figures(self, value: str, row: Row | None, label: str) -> str:
        """An amount field's cell as figures: one written in capital numerals (拾贰万元) read as ``12万元``, said (the
        conversion is the reader's, the reviewer checks it against the form); any other cell as it is."""
        figures = capital_amount(value)
        if figures is None:
            return value
        field = label.replace("：", ":").partition(":")[0].strip()  # (a label：value cell's label before its colon)
        self.diagnostics.append(diagnostic("P191", self._location(row, label), field=field, value=value.strip(),
                                           amount=figures))
        return figures

    def _unit_value(self, value: str) -> str:
        """A unit field's value without what the line runs on into: the money unit line beside it (填报单位:(盖章)
        单位:万元, taken as the money unit), the form's year printed after it (XX局 (2024年度), taken as the year) and
        the next field's label and value (XX工作站 填报日期:2023年3月20日)."""
        year, value = year_mark(value)
        self.sheet.year = self.sheet.year or year
        money = _MONEY_UNIT_IN.search(value)
        if money:
            self.sheet.money_unit = self.sheet.money_unit or MoneyUnit(money.group(1))
            value = value[:money.start()]
        at = _run_on(value)
        return value[:at].strip() if at else value.strip()

    def _in_table_unit(self, amount: Decimal, value: str, row: Row | None, label: str) -> Decimal:
        """An amount written with its own unit (``164万元``, or its label's: 年度资金总额(万元) | 164, 年度资金总额(万元)：164):
        the sheet's money unit where the table states none; where the table states another, the amount in the table's unit, said (which
        of the two is right is the reviewer's to tell, not the reader's to guess)."""
        # (the label of a label：value line or cell is what stands before its colon: 年度资金总额（万元）：18.00)
        written = amount_unit(value) or label_money_unit(label.replace("：", ":").partition(":")[0].strip())
        table = self.sheet.money_unit
        if written is None or written == table:
            return amount
        if table is None:
            self.sheet.money_unit = written
            return amount
        converted = amount * _YUAN[written] / _YUAN[table]
        self.diagnostics.append(diagnostic("P136", self._location(row, label), field=label, value=value,
                                           table=str(table), amount=f"{converted:f}"))
        return converted

    def total_from_sentences(self, text: str) -> None:
        """The total a notice's sentences state (``资金总额500万元``) for a sheet whose header gave none; several
        different statements are said, and none is taken (which is the project's is not the reader's to guess)."""
        if self.sheet.budget.total is not None:
            return
        stated = said_totals(text)
        if len(stated) == 1:
            [(amount, unit)] = stated
            total = self._in_table_unit(amount, f"{amount}{unit}", None, "资金")
            self.sheet.budget = self.sheet.budget.model_copy(update={"total": total})
        elif stated:
            self.said_several(f"{amount}{unit}" for amount, unit in stated)

    def said_several(self, amounts: Iterable[str]) -> None:
        """Say that the text states several different amounts of the project's money and none was taken."""
        self.diagnostics.append(diagnostic("P137", self._location(column="资金"), amounts=quoted_cells(list(amounts), "、")))

    def _plan(self, rest: list[str], row: Row) -> None:
        self._form_field("header", "spend_plan")
        labels = [t for t in rest if is_checkpoint(t)]
        values = [t for t in rest if t and not is_checkpoint(t)]
        if labels and values:
            self._set_plan(labels, values, row)
        elif labels:
            self._plan_labels = labels
        elif not values:
            self._plan_stacked = ([], [])  # the label alone on its row: its checkpoints below it

    def _stacked_plan(self, row: Row, texts: list[str]) -> bool:
        """A row of the spend plan whose label stood alone: its checkpoints (3月底), then its figures, one or more to a
        row; the plan is set once there are as many figures as checkpoints. True when the row was the plan's."""
        if self._plan_stacked is None:
            return False
        labels, values = self._plan_stacked
        filled = [text for text in texts if text]
        if filled and all(is_checkpoint(text) for text in filled) and not values:
            labels.extend(filled)
            return True
        if labels and filled and all(parse_amount(text) is not None for text in filled):
            values.extend(filled)
            if len(values) >= len(labels):
                self._plan_stacked = None
                self._set_plan(labels, values, row)
            return True
        self._plan_stacked = None  # (no plan below the label: the row is the next field's)
        return False

    def _set_plan(self, labels: list[str], values: list[str], row: Row) -> None:
        if len(labels) != len(values):
            self.diagnostics.append(
                diagnostic("P107", self._location(row, "资金支出计划"), labels=len(labels), values=len(values))
            )
        plan = []
        for when, value in zip(labels, values):
            percent = parse_amount(value)
            if percent is None:
                self.diagnostics.append(diagnostic("P106", self._location(row, when), field=when, value=value))
            plan.append(Checkpoint(label=when, percent=percent))
        self.sheet.spend_plan = plan

    # -- the indicator grid --------------------------------------------------------------------------------
    def open_grid(self, columns: Columns) -> None:
        """The indicator grid starts, under ``columns``."""
        self.columns = columns
        self._aligner = Aligner(columns)
        self._row_count += 1  # the header row
        if columns.inferred or columns.implied:
            return  # columns inferred from the rows' content: the form's own headings are not in the file
        for kind in columns.kinds:
            if kind not in (EXTRA, FRAME):
                self._form_field("columns", kind)
        if columns.scrambled is not None:  # its rows are read from the right: the form prints these columns
            for kind in READ_FROM_RIGHT:
                self._form_field("columns", kind)

    def _form_field(self, section: str, kind: str) -> None:
        name = canonical_label(section, kind)
        if name not in self.sheet.form_fields:
            self.sheet.form_fields.append(name)

    def _blank_field(self, field: str, value: str) -> None:
        """Keep the header field in the sheet's blanks while its label has had nothing beside it (a value read later,
        from the next row or a second label, fills it)."""
        blank = says_nothing(value) and not _MASKED.fullmatch(value or "")
        name, blanks = canonical_label("header", field), self.sheet.blank_fields
        if blank and name not in blanks:
            blanks.append(name)
        elif not blank and name in blanks:
            blanks.remove(name)

    def feed_line(self, line: Line) -> None:
        """Take one line of the grid's body."""
        assert self._aligner is not None
        self._aligner.feed(line)

    def close_grid(self) -> None:
        """The grid's body has ended: place what is pending."""
        self.grid_closed = self.columns is not None
        if self._aligner is not None:
            self._aligner.flush()
            self._take_placed()
        if self._pending_level_tokens:
            # level names with no indicator after them (a file cut after a level cell)
            levels = [level for level in self._levels if level]
            place = self._pending_level_row
            self.diagnostics.append(diagnostic("P108", self._location_of(place) if place else self._location(),
                                               levels, text=quoted_cells(levels)))
            self.tokens_diagnosed += self._pending_level_tokens
            self._pending_level_tokens = 0

    def _take_placed(self) -> None:
        aligner = self._aligner
        assert aligner is not None
        for placed in aligner.placed:
            self._row_count += 1
            before = len(self.sheet.indicators)
            self._indicator(placed)
            if len(self.sheet.indicators) == before and (level2 := canonical_level2(match_key(
                    placed.values.get("level2", "")))):
                self._unplaced_level2.add(level2)
            if placed.ambiguous is not None:
                # settled by the table's sums when the sheet is finished (its total may follow the grid), or said
                read = self.sheet.indicators[-1] if len(self.sheet.indicators) > before else None
                self._ambiguous.append((read, placed, self._location_of(placed)))
        aligner.placed.clear()

    def _settle_fused(self) -> None:
        """The runs of fused points left unread (P154) read the one way the table's arithmetic leaves
        (:mod:`.settle`): placed, said (P156) and marked inferred; the others said as unread."""
        pending, self._ambiguous = self._ambiguous, []
        if not pending:
            return
        indicators = self.sheet.indicators
        cells = {position: values for position, values in self.results}
        runs = {id(indicator): placed.ambiguous for indicator, placed, _ in pending if indicator is not None}
        rows = [TableRow(indicator.level1_raw or "", {
            "target": indicator.target.raw, **{kind: cells.get(position, {}).get(kind, "") for kind in _SUMMED}},
            runs.get(id(indicator))) for position, indicator in enumerate(indicators, start=1)]
        sums = Sums(total=self.claimed.get("total"), execution_weight=weighed_figure(self.money.get("weight")),
                    execution_score=weighed_figure(self.money.get("score")), complete=not (self.cut or self.headless))
        # cells no column of the header holds (P113): the columns are not the rows', nor the readings of their runs
        settled = {} if any(said.code == "P113" for said in self.diagnostics) else settle(rows, sums)
        at = {id(indicator): index for index, indicator in enumerate(indicators)}
        for indicator, placed, location in pending:
            run = placed.ambiguous
            assert run is not None
            index = at.get(id(indicator)) if indicator is not None else None
            found = settled.get(index) if index is not None else None
            if found is None:
                readings = Phrase("“{run}”可读作{readings}",
                                  {"run": run.run, "readings": shown_readings(run.columns, run.choices, self._heading)})
                self.diagnostics.append(diagnostic("P154", location, readings=readings))
                continue
            values = cells.setdefault(index + 1, {})
            for kind, text in found.cells.items():
                values[kind] = text
            context = " ".join(filter(None, (indicator.name, indicator.description)))
            if "target" in found.cells:
                indicator.target = parse_target(found.cells["target"], context)
            if "weight" in found.cells:
                indicator.weight, indicator.weight_raw = weighed_figure(found.cells["weight"]), found.cells["weight"]
            indicator.confidence = min(indicator.confidence, SETTLED_CONFIDENCE)
            reading = Phrase.listing("{column}{figure}", [{"column": self._heading(kind), "figure": text}
                                                          for kind, text in found.cells.items()], "｜")
            self.diagnostics.append(diagnostic("P156", location, run=run.run, reading=reading,
                                               constraints=quoted_cells(found.constraints, "、")))

    def _feed_grid(self, row: Row) -> None:
        """A grid row handed over as a layout row (the long layout builds its projects this way)."""
        assert self.columns is not None
        line = _as_line(row)
        if find_header([line], 0) is not None:
            return  # the header repeated on a new page
        if is_refinement(line) and not self._aligner.placed:  # type: ignore[union-attr]
            refine(self.columns, line)
            self._aligner.columns_changed()  # type: ignore[union-attr]
            return
        self.feed_line(line)

    def _stacked_level(self, own: str, target: str) -> str | None:
        """The level-2 name of a row under level-2 names printed one above the other before the rows (a
        spreadsheet's merged cells printed each where it begins: 数量指标 / 质量指标 / the rows of both): the rows
        take 数量指标 while their targets are counts or quantities, then the next name. None outside such a stack."""
        if self._stacked:
            names = [*self._stacked, *([own] if own else [])]
            self._stacked = []
            self._stack = [name for index, name in enumerate(names) if canonical_level2(match_key(name)) not in {
                canonical_level2(match_key(before)) for before in names[:index]}]
        elif own and own not in self._stack:
            self._stack = []  # a row naming a level of its own: the stack is done
        if len(self._stack) < 2 or canonical_level2(match_key(self._stack[0])) != "数量指标":
            # (any other name above a row is a group's heading left without rows: the row's own level stands)
            self._stack = []
            return None
        if unit_kind(parse_target(target).unit) in (UnitKind.COUNT, UnitKind.PHYSICAL):
            return self._stack[0]
        self._stack.pop(0)
        return self._stack[0]

    def _take_level_label(self, placed: Placed) -> None:
        """Take a 一级 label carrying its points out of the cells where a row's values stand (:func:`level_label_in`:
        ``(30分)``, ``效益指 | 标(30 | 分)``), so that no piece of it is read as a name, a value or points: it is a
        一级 cell, kept as written. Points alone belong to the row's own 一级 cell (``产出指标 | (50分 | )``), else to
        the group's when the row has cells of its own, else they are the 一级 cell of the rows below, whose name was
        lost; beside a row's cells under no level they are left where they are. A label with its name heads the rows
        after this one (a scrambled text puts a merged label's pieces on any row of its group). A block's label with
        its points on a row of its own (年度 | 绩效 | 目标 | (80分)) is no level's: set aside (P108). Cells of other
        columns a label encloses are reported (P113), not read."""
        values = placed.values
        after, self._label_after = self._label_after, ""
        if after and not values.get("level1"):
            values["level1"] = after
        kinds = [kind for kind in (self.columns.kinds if self.columns else []) if kind not in ("level1", "level2")
                 and values.get(kind)]
        found = level_label_in([values[kind] for kind in kinds], is_goals_word)
        if found is None:
            return
        taken, enclosed, written = found
        own = bool(placed.extra) or any(position not in (*taken, *enclosed) for position in range(len(kinds)))
        previous1, previous2 = self._levels
        level, alone = canonical_level1(match_key(written)) is not None, _points_alone(written)
        group = own and not values.get("level1") and canonical_level1(match_key(previous1)) is not None \
            and not _points_alone(previous1) and level_label_in([previous1]) is None
        if own and not (level or values.get("level1") or group):
            return  # a block's label or points beside a row's cells, under no level to give them to
        cells = [values[kinds[position]] for position in taken]
        others = [values[kinds[position]] for position in enclosed]
        for position in (*taken, *enclosed):
            del values[kinds[position]]
        if others:
            self.diagnostics.append(diagnostic("P113", self._location_of(placed), text=quoted_cells(others, limit=80)))
        if not (level or alone):
            self._set_aside(placed, cells)
        elif level and own:
            self._label_after = written
        elif level:
            values["level1"] = written
        elif values.get("level1"):
            values["level1"] += written
        elif group:
            self._levels = (previous1 + written, previous2)
        else:
            values["level1"] = written

    def _indicator(self, placed: Placed) -> None:
        values = placed.values
        self._rows_since += 1
        if "_project" in values or "_unit" in values:
            self._heads(values)
            self.tokens_placed += placed.tokens
            return
        # the cells beside the levels: as many as values read, or fewer where fewer tokens were printed (a run of
        # fused figures is one cell, however many values it is read as; a name wrapped onto a line of its own is one)
        cells = [kind for kind, text in values.items() if kind not in ("level1", "level2") and text.strip()]
        levels = sum(1 for kind in ("level1", "level2") if values.get(kind, "").strip())
        width = min(len(cells) + len(placed.extra), placed.tokens - levels)
        self._take_level_label(placed)
        level1, level2 = values.get("level1", ""), values.get("level2", "")
        previous1, previous2 = self._levels
        if level1 and not level2 and _legacy_level2(level1, previous1, previous2):
            level1, level2 = previous1, level1
        if not level1:
            level1 = previous1
        elif previous1 and fold(level1) != fold(previous1) or _not_under(level1, previous2):
            # a new group (a merged 一级指标 label printed mid-group, under rows that showed none, keeps the group,
            # unless the level 2 above cannot stand under it: 满意度 after 可持续影响 rows whose 效益指标 was not read)
            previous2 = ""
        level2 = level2 or previous2
        self._levels = (level1, level2)
        unplaced = values.pop("_unplaced", None)
        after = values.pop("_after", None)  # what followed the rows of a line run together: the table's end
        total = values.pop("_total", None)  # the score of a 总分 row printed after the rows' figures
        if total and parse_amount(total) is not None:
            self.claimed.setdefault("total", parse_amount(total))
        if after:
            self._conclusions(after)
        if unplaced or after:
            text = quoted_cells([text for text in (unplaced, after) if text], "\n", 80)
            self.diagnostics.append(diagnostic("P113", self._location_of(placed), text=text))
        name = clean_name(values.get("name", ""))
        if name and form_text(name):
            # the form's own text in the name column (the value columns' heading, the rule for scoring): the row
            # names no indicator, whatever stands beside it
            self.tokens_diagnosed += placed.tokens
            self._set_aside_row(placed)
            return
        defined = _DEFINITION.match(name) or _BRACKETED_DEFINITION.match(name)
        if defined:  # 建档率=建档人数/常住居民数*100%: the name, then how it is computed
            name = defined.group(1)
            values.setdefault("description", defined.group(2))
        described = "description" in (self.columns.kinds if self.columns else [])
        if name and not values.get("description") and (parts := split_description(name, described)) is not None:
            # a name run together with its explanation: the explanation is the description, and the row says so
            name, values["description"] = parts
            placed.how.append(Phrase("“{cell}”按“{word}”拆分为指标名称与指标解释",
                                     {"cell": parts[0] + parts[1], "word": parts[1][:2]}))
            placed.confidence = min(placed.confidence, GUESS_CONFIDENCE)
        if placed.inferred:
            self.diagnostics.append(diagnostic("P111", self._location_of(placed), how=placed.inferred))
        elif placed.how:
            self.diagnostics.append(diagnostic("P102", self._location_of(placed), how=Phrase.joined(placed.how)))
        written_target = values.get("target", "")
        target = written_target if not is_placeholder(written_target) else ""
        unit_cell = column_unit = values.get("unit", "")
        if unit_cell and not unit_completes(target, unit_cell):
            # the unit column's cell stays beside the value under its heading, never glued onto it
            placed.extra[self._heading("unit")] = unit_cell
            unit_cell = ""
        if "operator" in values or "unit" in values:
            target = target_text(target, values.get("operator", ""), unit_cell)
        residue = residue_target(values.get("name", "")) if is_bare_number(target) else None
        if residue:
            target = f"{residue[0]}{target}{residue[1]}"  # 公猪舍(≥**平方米) | 22.8: the template's residue says how
        if name and (not target and (label(name).role is Role.NUMBER or is_value(name)) or is_bare_number(name)
                     or _DASH.fullmatch(name)):
            # a number (or a figure with its unit, 14种) where the name should be and no target: a value without an
            # indicator, reported below; a bare number (the template's unused rows filled with 0 beside a 0.00% target)
            # or a dash there (— | 国家基本公共卫生服务) names none either, whatever stands beside it (a cost row may
            # name its amount with its unit: 38.75万元 | 38.75); the cell stays in the row, set aside with it below
            name = target = ""
        if name and (not target or _level_name(target)) and not placed.extra and _level_word_alone(name, values):
            # 质量 | (blank), 满意度指标 | (blank): a level word printed in the name column on a row of its own
            # (a form without that level's column, or a group's heading row) heads the rows below, never an indicator;
            # of several run together (质量 | 时效) the last heads them
            name = next(text for kind, text in reversed(values.items())
                        if kind not in ("level1", "level2") and text.strip())
            self._levels = (level1, name) if canonical_level2(match_key(name)) else (name, "")
            self._level2_names = self._level2_names or self._levels[1] == name and "level2" not in (
                self.columns.kinds if self.columns else [])
            self._pending_level_tokens += placed.tokens
            return
        if name or target:
            self._year_set_filled = True
        elif (long_name := self._long_term_only(placed)) is not None:
            name, target = long_name, values["long_term_target"]
        if not name and not target:
            rest = {k: v for k, v in values.items() if k not in ("level1", "level2")}
            if _group_total(values, placed.extra):
                self.tokens_placed += placed.tokens
            elif (weight := self._wrapped_weight(placed, rest)) is not None:
                self._give_weight(placed, weight)
            elif rest or placed.extra:
                self.tokens_diagnosed += placed.tokens
                self._set_aside_row(placed)
            elif placed.tokens:
                self._pending_level_tokens += placed.tokens
                self._pending_level_row = placed
                if canonical_level2(match_key(values.get("level2", ""))):
                    self._stacked.append(values["level2"])
            return
        if not target and self.columns is not None and "target" not in self.columns.kinds:
            target = _shared_value(placed.extra)  # one value column per sub-unit, all alike
        if not values.get("level2") and self.columns is not None and "level2" not in self.columns.kinds and \
                canonical_level2(match_key(name)) and (name.endswith("指标") and not canonical_level1(match_key(name))
                                                      or self._level2_names and not name.endswith("指标")):
            # a form with no 二级指标 column whose 指标名称 holds the level-2 name itself (the Zhejiang project form:
            # 指标类型 | 指标名称 | 指标值 | 指标描述 with 产出指标 | 数量指标 | 375万平方米): it names the indicator's level
            # too; a name that is a level's word without 指标 (服务对象满意度) is an indicator's own, unless the column
            # printed level-2 names alone on rows above (the monitoring form's 质量 | (blank), then 成本 | 年度预算220万元):
            # a guess from the column's other rows, which the reading reports
            if not name.endswith("指标"):
                self.diagnostics.append(diagnostic("P184", self._location_of(placed), name=name,
                                                   level2=canonical_level2(match_key(name)),
                                                   column=self._heading("name")))
            level2 = name
            self._levels = (level1, level2)
        stacked = self._stacked_level(values.get("level2", ""), target)
        if stacked and stacked != level2:
            level2 = stacked
            self._levels = (level1, level2)
        indicator = Indicator.from_cells(
            level1=level1, level2=level2, name=name, description=values.get("description"), target=target,
            long_term_target=values.get("long_term_target"), weight=values.get("weight"),
            direction=values.get("direction"), basis=values.get("basis"), row=placed.row or self._row_count,
            table=placed.table or self.ordinal,
        )
        updates: dict = {"confidence": placed.confidence}
        if values.get("operator", "").strip():
            updates["operator_column_raw"] = values["operator"]  # (the value is read with it, kept as written)
        if column_unit.strip():
            # What the unit column says, understood like the value (萬元 is 万元), whether or not it completed the
            # value; a unit it glosses in words (%(百分比)) is the one the value it completed was read with.
            updates["unit_column_raw"] = column_unit
            updates["unit_column"] = unit_of_column(column_unit) or (
                indicator.target.unit if unit_cell else None)
        # Traditional level names are understood on their Simplified form
        # (產出指標), and without the template's residue (时效指标(必填)): the raw text stays as written
        if level1 and indicator.level1 is None and canonical_level1(match_key(level1)):
            updates["level1"] = canonical_level1(match_key(level1))
        if level2 and indicator.level2 is None and canonical_level2(match_key(level2)):
            updates["level2"] = canonical_level2(match_key(level2))
        unnamed = not level1.strip() or _points_alone(level1)
        if unnamed and (implied := _implied_level1(updates.get("level2", indicator.level2))):
            # a 一级指标 cell left blank over rows whose 二级指标 has one parent in every framework (数量指标 is 产出
            # in both; 成本指标 is not), or holding only the points of a label whose name was lost ((30分)): the level
            # is the framework's, the cell stays as written
            updates["level1"] = implied
        if "operator" in values or "unit" in values or residue:
            # understood with its columns joined; kept as the value cell is written
            updates["target"] = indicator.target.model_copy(update={"raw": written_target})
        named_unit = _UNIT_IN_NAME.search(name)
        if indicator.target.value is not None and indicator.target.unit is None and named_unit and canonical_unit(
                named_unit.group(1)):
            # 开展小型水利工程建设(个) | 1: the unit is written in the name
            updates["target"] = updates.get("target", indicator.target).model_copy(update={
                "unit": canonical_unit(named_unit.group(1)), "unit_raw": named_unit.group(1), "unit_inferred": True})
        extra = dict(placed.extra)
        roles = {heading: _set_aside_role(heading) for heading in extra}  # (one recorded has its own)
        for kind in _RECORDED:
            if kind in values:
                # (a figure read into a column no heading names, a row read from the right: under the form's name)
                printed = self.columns is not None and kind in self.columns.kinds
                heading = self.columns.heading(kind) if printed else canonical_label("columns", kind)
                extra[heading], roles[heading] = values[kind], kind
        if extra:
            updates["extra"] = extra
        if value_columns := [heading for heading, role in roles.items() if role in _VALUE_KINDS]:
            updates["value_columns"] = value_columns
        written_name = values.get("name", "").strip()
        if name and written_name != name:
            # the cell as written, whatever the name was cleaned of (the template's 指标1: numbering, its residue
            # the review reports): nothing of the cell is dropped (a placeholder alone, ……, is the template's blank)
            updates["name_raw"] = written_name
        for field, value in updates.items():
            setattr(indicator, field, value)  # the row's own new indicator: set in place, not copied for each row
        if level1 and indicator.level1 is None and "level1" not in updates and not unnamed:
            self.diagnostics.append(diagnostic("P104", self._location_of(placed).model_copy(update={"column": self._heading("level1")}), value=level1))
        if level2 and indicator.level2 is None and "level2" not in updates:
            self.diagnostics.append(diagnostic("P105", self._location_of(placed).model_copy(update={"column": self._heading("level2")}), value=level2))
        self.sheet.indicators.append(indicator)
        self._rows_since = 0
        self.results.append((len(self.sheet.indicators), values))
        printed = _Printed(placed.line, width, bool(values.get("score", "").strip()),
                           placed.tokens + self._pending_level_tokens)
        self._printed[len(self.sheet.indicators)] = printed
        self.tokens_placed += printed.tokens
        self._pending_level_tokens = 0

    def last_row_stops_short(self) -> bool:
        """True when the last indicator's row holds its levels and name and nothing more, under rows read before
        it (the end of a file cut it there), as opposed to a row that leaves its target blank but prints other
        cells (its points, a description)."""
        kinds = self.columns.kinds if self.columns is not None else []
        indicators = self.sheet.indicators
        valued = "target" in kinds or EXTRA in kinds  # (or one value column per sub-unit)
        if not valued or len(indicators) < 2 or not self.results or self.results[-1][0] != len(indicators):
            return False
        values = self.results[-1][1]
        return not indicators[-1].extra and not indicators[-1].description and not any(
            text.strip() for kind, text in values.items() if kind not in ("level1", "level2", "name"))

    def last_row_narrower(self) -> bool:
        """True when the last indicator's row printed fewer cells beside its level cells than every one of the (at
        least two) rows read before it, each of which printed its score: at the end of a file, the copy stopped
        inside that row of a self-evaluation (…| 95 | 10.00 under rows that go on to their 得分; a 预算执行率 row
        stopping after its name), whatever of it was read. (A goal table's last row may leave a cell blank, its unit,
        operator or 权重, where the rows above fill theirs: that is the preparer's to answer for, and stays a row.)"""
        count = len(self.sheet.indicators)
        above = [self._printed[position] for position in range(1, count) if position in self._printed]
        last = self._printed.get(count)
        # (a row on the line of the row above is a text flow's, one line holding the table: its cells are not the
        # line's last, so no cut of the copy shows on it)
        return last is not None and len(above) >= 2 and all(printed.scored for printed in above) \
            and last.line is not None and last.line != above[-1].line \
            and last.width < min(printed.width for printed in above)

    def last_row_stops_before_actual(self) -> bool:
        """True when the grid has an 实际完成值 column, the last indicator's row printed its target and nothing after
        it (no actual, points or reason), and every row above that printed a target printed its actual (at least
        one did): at the end of a file, the copy stopped inside that row before its actual (…| 合规率 | 100 under
        rows that go on to their 实际完成值), on a line of its own. Without bars nothing else shows such a cut: a TAB
        or one-cell-a-line copy drops the empty cells a pipe row keeps. (A self-evaluation printed whole ends on its
        总分 row.)"""
        indicators = self.sheet.indicators
        if self.columns is None or "actual" not in self.columns.kinds or not self.results \
                or self.results[-1][0] != len(indicators) or not indicators[-1].target.raw:
            return False
        last = self.results[-1][1]
        if any(last.get(kind, "").strip() for kind in (*_RECORDED, "weight")):
            return False
        above = [values for position, values in self.results[:-1] if values.get("target", "").strip()]
        # (a text flow's rows share one line: the last row's cells are not the line's last, no cut shows on them)
        last_line, line_above = (self._printed.get(position) for position in (len(indicators), len(indicators) - 1))
        own_line = last_line is not None and line_above is not None and last_line.line != line_above.line
        return own_line and bool(above) and all(values.get("actual", "").strip() for values in above)

    def last_line(self) -> int | None:
        """The source line the last indicator's row was read from (None when unknown)."""
        printed = self._printed.get(len(self.sheet.indicators))
        return printed.line if printed is not None else None

    def cut_target(self, text: str) -> bool:
        """True when ``text`` (the file's last line) ends on the last indicator's target and that is a bare number
        in a grid with no unit column whose every row above writes its target with a unit (=22个, ≥4000人 above
        验收合格率 | 1): the end of the file stopped inside the figure or right after it."""
        indicators = self.sheet.indicators
        if not indicators or not self.results or self.results[-1][0] != len(indicators) \
                or self.columns is None or "unit" in self.columns.kinds:
            return False
        target = self.results[-1][1].get("target", "").strip()
        if BARE_FIGURE.fullmatch(target) is None or not text.rstrip().endswith(target):
            return False
        above = indicators[:-1]
        return len(above) >= 2 and all(indicator.target.unit is not None for indicator in above)

    def cut_actual(self, text: str) -> str | None:
        """The last indicator's actual when ``text`` (the file's last line) ends on it and it is a bare number while
        its target is written with a unit (目标值大于等于85户,实际完成40): the end of the file stopped inside the
        figure, before its unit or its last digits; else None."""
        indicators = self.sheet.indicators
        if not indicators or not self.results or self.results[-1][0] != len(indicators):
            return None
        actual = self.results[-1][1].get("actual", "").strip()
        cut = (indicators[-1].target.unit is not None and BARE_FIGURE.fullmatch(actual) is not None
               and text.rstrip().endswith(actual))
        return actual if cut else None

    def _heads(self, values: dict[str, str]) -> None:
        """A row above an indented table's levels (:mod:`..pipeline.outline`): the project with its amount, or
        the unit; a field the sheet's header block already gave is kept."""
        sheet = self.sheet
        if "_unit" in values and sheet.unit is None:
            sheet.unit = parse_unit(values["_unit"])
        if "_project" in values and sheet.name is None:
            sheet.name = values["_project"]
        amount = parse_amount(values.get("_amount", ""))
        if amount is not None and sheet.budget.total is None:
            sheet.budget = sheet.budget.model_copy(update={"total": amount})

    def drop_last(self) -> None:
        """Leave out the last indicator (a row cut off by the end of the file): its tokens are reported by the
        caller's diagnostic instead."""
        printed = self._printed.pop(len(self.sheet.indicators), None)
        self.sheet.indicators.pop()
        if self.results and self.results[-1][0] > len(self.sheet.indicators):
            self.results.pop()
        tokens = printed.tokens if printed is not None else 0
        self.tokens_placed -= tokens
        self.tokens_diagnosed += tokens

    def _heading(self, kind: str) -> str:
        return self.columns.heading(kind) if self.columns else kind

    def _set_aside(self, placed: Placed, cells: list[str]) -> None:
        """Say (P108) that the cells of ``placed`` were set aside, not read as an indicator."""
        self.diagnostics.append(diagnostic("P108", self._location_of(placed), cells, text=quoted_cells(cells, limit=80)))

    def _long_term_only(self, placed: Placed) -> str | None:
        """The name of a row whose year's set is blank (at most its 二级指标 repeated) while its long-term set names
        the indicator and gives its target, in a grid whose rows have filled no year's set (corpus 154: the 年度
        columns of a 中期/年度 form left blank, every indicator written in the 中期 ones): the table's only
        indicators are the long-term ones, read as its indicators (P183 says so, once per grid; the review reports
        the year's set as missing). None for any other row, which is set aside as before."""
        heading = self.columns.long_term_name() if self.columns is not None else None
        name = clean_name(placed.extra.get(heading, "")) if heading else ""
        if self._year_set_filled or not name or not placed.values.get("long_term_target", "").strip():
            return None
        if not self._read_long_term:
            self._read_long_term = True
            self.diagnostics.append(diagnostic("P183", self._location_of(placed), heading=heading))
        del placed.extra[heading]  # (the cell is the row's name now, no longer beside it)
        return name

    def _wrapped_weight(self, placed: Placed, rest: dict[str, str]) -> str | None:
        """The figure of a line holding one figure alone that is the weight of the row read just before it, where the
        header has a weight column, that row printed none and the rows above it did (``…食品安全整体状况 定性 高中低`` /
        ``10``: a spreadsheet cell wrapped when the table was copied as text, corpus 300); None for any other line."""
        indicators = self.sheet.indicators
        if placed.extra or len(rest) != 1 or not indicators or self.columns is None \
                or "weight" not in self.columns.kinds:
            return None
        text = next(iter(rest.values())).strip()
        if self._rows_since != 1 or indicators[-1].weight is not None \
                or not BARE_FIGURE.fullmatch(text) or Decimal(text) > 100 \
                or not any(indicator.weight is not None for indicator in indicators[:-1]):
            return None
        return text

    def _give_weight(self, placed: Placed, text: str) -> None:
        """Give the row read just before ``placed`` the weight ``text`` that line holds (:meth:`_wrapped_weight`). A
        guess, said so (P187)."""
        last = self.sheet.indicators[-1]
        self.sheet.indicators[-1] = last.model_copy(update={"weight": Decimal(text), "weight_raw": text})
        self.tokens_placed += placed.tokens
        self.diagnostics.append(diagnostic("P187", self._location_of(placed), value=text, name=last.name,
                                           column=self._heading("weight")))

    def _set_aside_row(self, placed: Placed) -> None:
        """Set the whole row ``placed`` aside (P108): every cell in the row's order, its level cells (一级, 二级) too,
        by which the review knows the group the row was printed in (the form's 成本指标 rows left as printed)."""
        kinds, headings = (self.columns.kinds, self.columns.headings) if self.columns else ([], [])
        # (the cells are kept by kind, or by heading for the form's other columns, as they were placed, the levels
        # often last: the grid's columns give the order; what stands in no column follows)
        cells = [(kinds.index(kind) if kind in kinds else len(kinds), text) for kind, text in placed.values.items()]
        cells += [(headings.index(heading) if heading in headings else len(kinds), text)
                  for heading, text in placed.extra.items()]
        self._set_aside(placed, [text for _, text in sorted(cells, key=lambda cell: cell[0]) if text.strip()])

    def _location_of(self, placed: Placed) -> Location:
        # Built when a diagnostic needs it: most rows have none, and a Location is validated on creation.
        return Location(file=self.source, table=placed.table or self.ordinal, sheet=self.sheet.key,
                        row=placed.row or self._row_count, line=placed.line)

    def _location(self, row: Row | None = None, column: str | None = None) -> Location:
        return Location(
            file=self.source,
            table=(row.table if row and row.table else self.ordinal),
            sheet=self.sheet.key,
            row=(row.row or self._row_count) if row else None,
            column=column,
            line=row.line if row else None,
        )

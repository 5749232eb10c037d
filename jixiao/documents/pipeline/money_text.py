"""A self-evaluation's money block read from the text of its header block, when its cells were not read as rows.

Document sites run a table's cells together (``预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额
10001000100%20``) or cut them up anywhere (``年度资金总额194.`` / ``9194.9100%``). The headings still stand in order,
and the figures row follows them after its label: the figures are read under the headings. Figures printed
without a space between them are split where the execution rate agrees with them (执行数 / 预算数 × 100, to the
rate's printed digits): a split is taken only when exactly one reading agrees (a reading with nothing spent gives
way to one with figures in every cell, then one printing fewer distinct amounts: 年初预算数, 全年预算数 and
全年执行数 are mostly one amount printed again). A run one figure short of its columns (a cell left blank) is read
where every place of the blank gives the same figures. A form without a 分值 column says the row's points in the
score heading's note (``得分(20分*执行率)``): they are its 分值.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from jixiao.documents.pipeline.figures import readings
from jixiao.documents.pipeline.labels import simplified
from jixiao.documents.vocabulary import labels
from jixiao.model.lexicon import WrittenText

__all__ = ["allotted_in_prose", "money_headings_in_text", "money_in_prose", "money_in_text", "money_unread_in_text",
           "rate_agrees", "rate_points", "sentences"]

_NOTE = re.compile(r"[(（][^()（）]{0,14}[)）]")  # 执行率(B/A), 得分(20分*执行率), (万元): notes, not headings
# …but the score heading's note says how many points the 预算执行率 row has where no 分值 column does (20分*执行率),
# the heading 得分, 自评得分, 执行率得分 or 评分
_POINTS_NOTE = re.compile(r"(?:执行率)?(?:得分|评分)\s*[(（]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[*×xX]\s*(?:预算)?执行率\s*[)）]")
_HEADING = re.compile(r"年初预算数|全年预算数|调整后预算数|全年执行数?|预算执行数|预算执行率|资金执行率|预算数|执行数|执行率"
                      r"|分值|权重|得分|评分")
_KEYS = {"年初预算数": "budget_initial", "全年预算数": "budget_full", "调整后预算数": "budget_full", "预算数": "budget_full",
         "全年执行数": "spent", "全年执行": "spent", "预算执行数": "spent", "执行数": "spent", "预算执行率": "execution_rate",
         "资金执行率": "execution_rate", "执行率": "execution_rate", "分值": "weight", "权重": "weight", "得分": "score",
         "评分": "score"}
_GAP = 6  # characters between two headings of one row (what is left of an OCR'd note: ``(B/A1``)
_LABEL = 12  # characters of the figures row's label (年度财政资金总额) before its first figure
_FIGURES = re.compile(r"[^\d]{0,%d}?(\d[\d.%%\s]*)" % _LABEL)
_HALF_POINT = Decimal("0.5")  # of the rate's last printed digit
_HUNDRED = Decimal(100)
_FRACTION_AT_MOST = Decimal(2)  # a rate printed without % that may be a fraction of the budget (1 for 100%)
_LONGEST_RUN = 20  # characters of fused figures split at most (年初预算数, 全年预算数, 全年执行数, 分值 and the rate)
_WAN = re.compile(r"(?<=\d)\s*万元?")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def money_in_text(text: str) -> dict[str, str]:
    """The money block's figures by heading (``budget_full``, ``spent``, ``execution_rate``, ``score`` …), or an
    empty dict when ``text`` holds no row of money headings with a figures row after it that fits them."""
    text = simplified(text)
    row = _figures_row(text)
    if row is None:
        return {}
    printed, pieces, year_after = row
    keys = [_KEYS[heading] for heading in printed]
    if year_after:
        # a year opening the words after the row (年度资金总额:38.75万元2022年原州区…, corpus 262) is no figure of it;
        # the row's figures stop at those words, so that the cells after the ones printed were left blank (38.75 under
        # 年初预算数, nothing under 全年执行数)
        pieces.pop()
        if 0 < len(pieces) < len(keys) and not any(piece.endswith("%") for piece in pieces):
            return dict(zip(keys, pieces))
    points = _POINTS_NOTE.search(text)
    figures = _split(pieces, keys) or _unmarked(pieces, keys, points.group(1) if points else None)
    if not figures:
        return _rate_alone(pieces, keys)
    money = {key: figure for key, figure in zip(keys, figures) if figure is not None}
    if points and "weight" not in money:
        money["weight"] = points.group(1)  # the row's 分值, printed only in the score heading's note
    return money


def money_unread_in_text(text: str) -> tuple[list[str], str] | None:
    """The money headings (as printed) and the figures after them that :func:`money_in_text` could not place under
    them (``303010100%`` that reads several ways, ``194.9194.998%`` that no way agrees with), for the reader to say
    so (P148) rather than guess; None when there are none or they were read."""
    row = _figures_row(simplified(text))
    if row is None or not row[1] or money_in_text(text):
        return None
    return row[0], " ".join(row[1])


def _figures_row(text: str) -> tuple[list[str], list[str], bool] | None:
    """The money headings in ``text`` (simplified) as printed, the figures printed after them (split where spaces
    or a % part them) and whether a year opening words follows those figures; None without headings or figures."""
    line = _NOTE.sub("", text)
    headings = _heading_row(line)
    if headings is None:
        return None
    printed, end = headings
    line = line[:end] + _WAN.sub(" ", line[end:])  # 300万元 259.45万元 86.5%: the money unit written in each cell
    found = _FIGURES.match(line, end)
    if found is None:
        return None
    pieces = found.group(1).replace("%", "% ").split()
    return printed, pieces, bool(pieces) and bool(_YEAR.fullmatch(pieces[-1])) and line.startswith("年", found.end())


def money_headings_in_text(text: str) -> list[str]:
    """The money table's headings as the header block's text prints them (预算数, 执行数, 执行率, 得分), where it holds a
    run of them, whether or not the figures after them could be read: the form has a money table (corpus 136:
    预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120, figures that fit no reading)."""
    found = _heading_row(_NOTE.sub("", simplified(text)))
    return found[0] if found else []


def rate_points(heading: str) -> str | None:
    """The points of the 预算执行率 row that a score heading's note states (``得分(20分*执行率)`` → ``20``), or None."""
    found = _POINTS_NOTE.fullmatch(simplified(heading).strip())
    return found.group(1) if found else None


def _heading_row(line: str) -> tuple[list[str], int] | None:
    """The first run of money headings (as printed) that holds an amount spent and its rate or budget, and where it
    ends."""
    run: list[re.Match[str]] = []
    end = None
    for match in _HEADING.finditer(line):
        if _complete(run) and match.start() == run[-1].end() and _KEYS[match.group(0)] in {
                _KEYS[found.group(0)] for found in run}:
            end = match.end()  # a heading the row has already begins the next one, a note (得分 | 得分计算方法)
            break
        if run and match.start() - run[-1].end() > _GAP:
            if _complete(run):
                break
            run = []
        run.append(match)
    if not _complete(run):
        return None
    return [match.group(0) for match in run], end or run[-1].end()


def _complete(run: list[re.Match[str]]) -> bool:
    """A run of headings that holds the amount spent and its rate or its budget, none twice."""
    keys = [_KEYS[match.group(0)] for match in run]
    return "spent" in keys and bool({"execution_rate", "budget_initial", "budget_full"} & set(keys)) and len(
        set(keys)) == len(keys)


def _split(pieces: list[str], keys: list[str]) -> list[str | None] | None:
    """One figure per key: pieces printed apart are taken as they stand; the figures fused into the piece that ends
    with the rate (``194.9194.9100%``, ``202010100.00%`` with a 分值 of 10 before the rate) are split where the
    rate agrees with the amounts."""
    if len(pieces) == len(keys):
        return pieces
    if "execution_rate" not in keys:
        return None  # nothing to check a split of fused amounts against
    rate = next((index for index, piece in enumerate(pieces) if piece.endswith("%")), None)
    at = keys.index("execution_rate")
    # (the columns after the rate may be left blank: 得分 over nothing, the row's figures ending at 100%)
    if rate is None or rate >= at or len(pieces) - rate not in (1, len(keys) - at) or len(
            pieces[rate]) > _LONGEST_RUN:
        return None
    before = dict(zip(keys[:rate], pieces[:rate]))
    fitting = [parts for parts in readings(pieces[rate].rstrip("%"), at - rate + 1)
               if _agrees(before | dict(zip(keys[rate:at + 1], parts)))]
    if len(fitting) > 1:  # 10001000100: 1000 | 1000 | 100 rather than 100010001 | 0 | 0
        fitting = [parts for parts in fitting if "0" not in parts]
    if len(fitting) > 1:
        # 64.864.864.810100%: 64.8 | 64.8 | 64.8 | 10 rather than 6 | 4.86 | 4.86 | 4.810 — the budgets and the amount
        # spent are mostly the same amount printed again (年初 = 全年 = 执行)
        fused_keys = keys[rate:at + 1]
        amounts = [index for index, key in enumerate(fused_keys) if key in ("budget_initial", "budget_full", "spent")]
        repeats = [len(amounts) - len({parts[index] for index in amounts}) for parts in fitting]
        fitting = [parts for parts, repeated in zip(fitting, repeats) if repeated == max(repeats)]
    if not fitting:
        return _one_blank(pieces, keys, rate)
    if len(fitting) != 1:
        return None
    *fused, rate_figure = fitting[0]
    return [*pieces[:rate], *fused, f"{rate_figure}%", *pieces[rate + 1:]]


def _one_blank(pieces: list[str], keys: list[str], rate: int) -> list[str | None] | None:
    """The figures of a fused run that fills one column fewer than its headings before the rate (corpus 234:
    ``303010100%`` under 年初预算数 | 全年预算数 | 全年执行 | 分值 | 执行率, one cell left blank): every place of the blank
    cell and every cut whose amounts the rate agrees with, read only when they all give the same amount spent,
    points and year's budget (the arithmetic decides the figures, not where the blank stands). A figure every
    reading puts under the same heading is kept there; the year's budget that the readings put under 年初预算数 in
    one and 全年预算数 in another is the budget the rate was measured against (全年预算数). None when the readings
    disagree or none agrees."""
    at = keys.index("execution_rate")
    fused_keys = keys[rate:at]
    before = dict(zip(keys[:rate], pieces[:rate]))
    found: list[dict[str, str]] = []
    for parts in readings(pieces[rate].rstrip("%"), len(fused_keys)):
        *amounts, rate_figure = parts
        for blank in range(len(fused_keys)):
            placed = [key for position, key in enumerate(fused_keys) if position != blank]
            figures = before | dict(zip(placed, amounts)) | {"execution_rate": rate_figure}
            if _agrees(figures):
                found.append(figures)
    if len(found) > 1:  # (as in a full row: a reading with nothing spent gives way to one with figures)
        found = [figures for figures in found if "0" not in figures.values()]
    if not found or len({(_budget(figures), figures["spent"], figures.get("weight")) for figures in found}) != 1:
        return None
    common = {key: figure for key, figure in found[0].items()
              if all(figures.get(key) == figure for figures in found)}
    common.setdefault("budget_full", _budget(found[0]))
    common["execution_rate"] += "%"
    return [common.get(key) for key in keys[:at + 1]] + pieces[rate + 1:]


def _budget(figures: dict[str, str]) -> str:
    """The budget a money row's rate is measured against: 全年预算数, else 年初预算数."""
    return figures.get("budget_full") or figures["budget_initial"]


def _unmarked(pieces: list[str], keys: list[str], points: str | None) -> list[str] | None:
    """The figures of a row fused into one run whose rate carries no % (``1.561.56120`` under 预算数 | 执行数 | 执行率 |
    得分(20分*执行率): 1.56 | 1.56 | 1 | 20, the rate a fraction), split where the rate agrees with the amounts (read
    as a fraction up to 2: 1, 0.865; else in percent) and the score, where the row's points are known, is those
    points times the rate (to half a point); the last columns may be left blank. None unless exactly one reading
    agrees."""
    if len(pieces) != 1 or len(pieces[0]) > _LONGEST_RUN or "execution_rate" not in keys:
        return None
    at = keys.index("execution_rate")
    fitting = []
    for count in range(len(keys), at, -1):
        for parts in readings(pieces[0], count):
            for rate in _rates(parts[at]):
                figures = dict(zip(keys, (*parts[:at], f"{rate:f}", *parts[at + 1:])))
                if _agrees(figures) and _scored(figures.get("score"), points, rate):
                    fitting.append([*parts[:at], f"{rate:f}%", *parts[at + 1:]])
    return fitting[0] if len(fitting) == 1 else None


def _rates(written: str) -> list[Decimal]:
    """The percent a rate printed without its % means: a hundred times a fraction up to 2 (1 is 100%, never 1%),
    else itself."""
    rate = Decimal(written)
    return [(rate * _HUNDRED).normalize()] if rate <= _FRACTION_AT_MOST else [rate]


def _scored(score: str | None, points: str | None, rate: Decimal) -> bool:
    """A score the row's points times its rate give (to half a point), when both are known."""
    if score is None or points is None:
        return True
    return abs(Decimal(score) - Decimal(points) * rate / _HUNDRED) <= _HALF_POINT


def _rate_alone(pieces: list[str], keys: list[str]) -> dict[str, str]:
    """The rate printed alone under the headings, the amount cells left blank (全年预算数 | 全年执行数 | 执行率 over
    ``103.21%``), when no split of it into amounts agrees: a rate a table can hold (at most 200%), else nothing."""
    if len(pieces) != 1 or not pieces[0].endswith("%") or "execution_rate" not in keys:
        return {}
    try:
        rate = Decimal(pieces[0].rstrip("%"))
    except InvalidOperation:
        return {}
    return {"execution_rate": pieces[0]} if rate <= _HUNDRED * 2 else {}


def _agrees(figures: dict[str, str]) -> bool:
    """The amount spent over the budget is the rate, to the rate's printed digits (``100`` within half a point,
    ``86.5`` within 0.05); a 分值 among the figures is a weight (at most 100)."""
    budget = figures.get("budget_full") or figures.get("budget_initial")
    if budget is None or "spent" not in figures:
        return False
    try:
        budget, spent, rate = Decimal(budget), Decimal(figures["spent"]), Decimal(figures["execution_rate"])
        weight = Decimal(figures.get("weight", "0"))
    except InvalidOperation:
        return False  # a figure printed apart that is no number (1.2.3)
    if rate > _HUNDRED * 2 or weight > _HUNDRED:
        return False
    if budget == 0 or (spent == 0) != (rate == 0):
        return budget == spent == rate == 0  # a rate of 0 is nothing spent, never a little
    return rate_agrees(spent, budget, rate)


def rate_agrees(spent: Decimal, budget: Decimal, rate: Decimal, within: Decimal | None = None) -> bool:
    """Whether ``spent`` over ``budget`` (not 0) is ``rate`` percent: within ``within`` points or, without it, to the
    rate's printed digits (``100`` within half a point, ``86.5`` within 0.05)."""
    if within is None:
        within = _HALF_POINT.scaleb(rate.as_tuple().exponent)
    return abs(spent / budget * _HUNDRED - rate) <= within


# a self-evaluation report says its money in sentences (…补助经费预算数30075万元…执行总量29675万元,预算执行率为98.67%):
# the first amount after each word, in 万元 or in 元 (年初预算资金数100元,全年预算数100元,全年执行数33.78元, corpus 245),
# and the first rate
_AMOUNT = r"\s*(\d+(?:\.\d+)?)\s*(万元|元)"
_SAID = {
    "budget_initial": re.compile(r"年初预算(?:资金)?数?(?:为|共计|合计)?" + _AMOUNT),
    # (or the money received or allotted in all: 2023年收到财政资金共2330.9万元, not one source's 收到…补助资金1372.7万元)
    # (预算批复金额为900万元, 项目预算总计899.7万元: the approved budget said in other words)
    # (预算安排资金300万元: the word 资金 after 安排 too)
    "budget_full": re.compile(r"(?:(?<!年初)预算(?:批复)?(?:数|金额|资金)?(?:安排)?(?:资金)?(?:为|共计|总计|合计)?|"
                              r"(?:收到|下达|到位)[^，。,;；\d]{0,16}?资金(?:共计?|合计|总额)为?)" + _AMOUNT),
    # (a year's 支出 said alone, 2023年支出2310.4万元, or after a comma, 当年实际到位106.5万元,支出36.94万元, is what was
    # spent; 基本支出 and 项目支出 name kinds of spending)
    # (实际执行资金总额977万元, 实际到账支付462.4万元, 实际支出资金240万元)
    "spent": re.compile(r"(?:实际执行(?:资金总额)?|执行总量|执行金额|执行数|实际支出(?:资金)?|实际(?:到账)?支付|(?<=[年,，])支出|"
                        r"发放补助资金|拨付资金)(?:为|了|共计|合计)?" + _AMOUNT),
}
_RATE = re.compile(r"执行率(?:为|达到|达)?\s*(\d{1,3}(?:\.\d+)?\s*%)")


def money_in_prose(text: str) -> dict[str, str]:
    """The budget (年初 and 全年), the amount spent and the execution rate a report's sentences state
    (``预算数30075万元``, ``实际执行9265.35万元``, ``项目执行率88.74%``), by the keys of :func:`money_in_text`; those it
    does not state, or states in another money unit than the budget's, are left out."""
    text = simplified(text)
    amounts = {key: found.groups() for key, pattern in _SAID.items() if (found := pattern.search(text))}
    # the amounts in one unit, the budget's (a sum in 元 beside a budget in 万元 is another sum: a standard per head)
    unit = next((amounts[key][1] for key in ("budget_full", "budget_initial", "spent") if key in amounts), None)
    money = {key: figure for key, (figure, said_in) in amounts.items() if said_in == unit}
    if "budget_initial" in money:
        money.setdefault("budget_full", money["budget_initial"])  # no adjustment said: the year's budget is the same
    if "budget_full" not in money and unit in (None, "万元") and len(allotted := allotted_in_prose(text)) == 1:
        money["budget_full"] = allotted[0][1]  # (the one allotment a report states, in 万元)
    if rate := _RATE.search(text):
        money["execution_rate"] = rate.group(1).replace(" ", "")
    return money


_SENTENCE = re.compile(r"[^。；;\n]+")
_AMOUNT_SAID = re.compile(r"\d+(?:\.\d+)?\s*万?元")


def sentences(text: str) -> list[str]:
    """The sentences of a report's text: the runs between 。, ；/; and line ends (a report's figures are compared only
    within one sentence)."""
    return _SENTENCE.findall(text)


@cache
def _allotted() -> re.Pattern[str]:
    words = labels()["allotted_money"]
    verbs, funds = ("|".join(map(re.escape, words[kind])) for kind in ("verbs", "funds"))
    # the verb, words naming the fund (perhaps its year: 2021年中央动物防疫等补助经费), the fund's word, the amount; or
    # the verb, the amount, then the fund it is (拨付11600万元抗疫特别国债资金)
    return re.compile(rf"(?:{verbs})(?P<fund>(?:[^，,。;；:：\d]|\d{{4}}年度?){{0,30}}?(?:{funds}))(?:共计?|合计|总额)?为?\s*"
                      rf"(?P<before>\d+(?:\.\d+)?)\s*万元|(?:{verbs})\s*(?P<after>\d+(?:\.\d+)?)\s*万元"
                      rf"(?P<named>[^，,。;；\d]{{0,20}}?(?:{funds}))")


def allotted_in_prose(text: str) -> list[tuple[str, str]]:
    """The money a report's sentences state as allotted to it (``财政下达XX专项资金28万元``, ``中央拨付11600万元XX资金``):
    the words naming the fund and the amount (in 万元) of each distinct amount, in order; a sentence naming other
    amounts besides (收到中央下达XX资金1372.7万元,自治区下达98.6万元: one source of several) states none."""
    found: dict[str, str] = {}
    written = WrittenText(text)  # (the fund's words as written: a Traditional name stays Traditional)
    for sentence in sentences(written.simple):
        if len(_AMOUNT_SAID.findall(sentence)) != 1 or not (match := _allotted().search(sentence)):
            continue
        found.setdefault(match["before"] or match["after"], written.of((match["fund"] or match["named"]).strip()))
    return [(fund, amount) for amount, fund in found.items()]

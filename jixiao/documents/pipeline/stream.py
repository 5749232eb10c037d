"""Streams of one-cell lines: the cells of a table's rows printed each on its own line, cut into rows.

A stream (text taken out of a PDF or a spreadsheet line by line) says nowhere where a row ends, so its rows are
cut by what their cells hold: at the operator or target each row holds, at the names that open rows whose targets
carry no operator, after the points that end a self-evaluation row, or by content under an operator column whose
rows left their empty cells out. The cells a stream printed apart are put together again (a name's wrapped end, a
cell's fixed-width lines, names printed apart from their figures), and what a PDF's text flow printed between
rows (a page's repeated headings) is kept out. Separate from :mod:`.align`, which places the rows these cut under
the header's columns, as it does the rows of every other layout.
"""

from __future__ import annotations

import re

from jixiao.documents.pipeline.cells import ACHIEVED, FIGURE_COLUMNS, LEVELS, POINTS, ROW_VALUES, SENTENCE
from jixiao.documents.pipeline.labels import (
    Role,
    is_bare_number,
    is_marked_figure,
    is_operator,
    is_qualitative,
    is_value,
    label,
    level_label_in,
    looks_like_target,
)
from jixiao.documents.pipeline.tokens import display_width
from jixiao.documents.vocabulary import names_a_unit

_DIRECTION = re.compile(r"正向|反向")  # a 指标方向性 cell (正向指标)
_WIDE_CHARACTER = 2  # what a line broken before a wide character falls short of its column's width
_WRAPPED_END = 2  # characters of a name's cell a wrap can leave on a line of its own (…报告 | 数)
_SHORTEST_NAME_AGAIN = 2  # characters of a name printed again (a one-character fragment, 公 of 公 | 里, recurs)
_ANSWERS = ("是", "否")
# the words a name's wrapped end opens with (各种强制免率、屠宰率 | 100% | 及检疫率): no name begins so
_JOINING = re.compile(r"^[及和与或并、]")
_LONGEST_TAIL = 8
WORD_COLUMNS = ("deviation", "remark")  # the columns after a row's points that hold words, not figures


class Joined(str):
    """Cells a stream printed apart that make one (a name and the wrapped end of it), with how many they were."""

    tokens: int

    def __new__(cls, parts: list[str]) -> Joined:
        joined = super().__new__(cls, "".join(parts))
        joined.tokens = len(parts)
        return joined


def _name_only(cells: list[str]) -> bool:
    """True for a row's cells that are only its name, maybe with the wrapped end of it (``指标24:…报告 | 数``)."""
    first, *ends = cells
    return label(first).role is Role.TEXT and not is_value(first) and not looks_like_target(first) and all(
        len(end) <= _WRAPPED_END and label(end).role is Role.TEXT and not is_value(end) and not is_qualitative(end)
        and not end.isdigit() for end in ends)


def _alike(figures: list[str], share: int) -> bool:
    """True when ``figures`` cut into shares of ``share`` give rows of one shape (a figure with its unit or a bare
    one in each column), as the rows of one table are: two names and four figures are not two rows of two."""
    shapes = {tuple(is_bare_number(text) for text in figures[at:at + share]) for at in range(0, len(figures), share)}
    return len(shapes) == 1


def name_again(body: list[str], text: str) -> bool:
    """True for the name of the row a stream's ``body`` ends with, printed again right after the row's value."""
    name = text.strip()
    return (len(body) >= 2 and len(name) >= _SHORTEST_NAME_AGAIN and name == body[-2].strip()
            and label(name).role is Role.TEXT and not is_value(name) and is_value(body[-1]))


def cut_at_names(texts: list[str]) -> list[list[str]]:
    """A stream of rows whose targets carry no operator and no points after them (``库存数量真实率 | 100% | 100% |
    储备粮管理专户管理率 | 100% | 100%``): a row opens with its name, so a cell that is no value, standing after a
    value of the row and before another value, is the next row's name."""
    parts, start, values = [], 0, 0
    # a unit column's cell stands with the value it measures (猪肉产量稳定率 | % | ≥95% | 能繁母猪稳定率 | % | 90%);
    # 是 or 否 after a yes/no question is its target (公众知晓度是否明显提高 | 是)
    measures = [is_value(text) or label(text).role is Role.UNIT or text.strip() in _ANSWERS and "是否" in before
                for before, text in zip(["", *texts], texts)]
    for index, measured in enumerate(measures):
        if measured:
            values += 1
        elif values and index > start and index + 1 < len(texts) and measures[index + 1]:
            parts.append(texts[start:index])
            start, values = index, 0
    parts.append(texts[start:])
    return parts


def _name_value_pairs(texts: list[str]) -> list[list[str]] | None:
    """``texts`` as rows of a name and its target (words, then a figure or a word of the qualitative vocabulary),
    or None when they are not such pairs."""
    if len(texts) % 2:
        return None
    pairs = [texts[at:at + 2] for at in range(0, len(texts), 2)]
    if all(label(name).role is Role.TEXT and not is_value(name) and (
            is_value(target) or looks_like_target(target) or is_qualitative(target))
           for name, target in pairs):
        return pairs
    return None


def page_residue(cells: list[str]) -> tuple[list[str], list[str]]:
    """A stream row's cells without the words a PDF's text flow printed between its figure and the grid's headings
    repeated on the next page (``文保单位抢险维修 | 100% | 主要用于文物修缮、宣传、文创 | 护人员经费、办公经费 |
    二级指标``: the page's header block and its 二级指标 heading), and those words; the row as it is when its cells
    after the first figure are not words ending with a heading (an actual, a weight, a note of the row's own)."""
    figure = next((at for at, text in enumerate(cells[1:], 1) if is_value(text)), None)
    tail = cells[figure + 1:] if figure is not None else []
    if len(tail) < 2 or label(tail[-1]).role is not Role.HEADING or any(
            is_value(text) or label(text).role is not Role.TEXT for text in tail[:-1]):
        return cells, []
    return cells[:figure + 1], tail


def wrapped_tail(cells: list[str]) -> int | None:
    """Where the wrapped end of a stream row's name stands when a PDF's text flow printed it after the row's figure
    (the name's cell was taller than the figure's line): a short cell of words opening with a joining word, right after
    the first figure; None when there is none."""
    figure = next((at for at, text in enumerate(cells[1:], 1) if is_value(text)), None)
    if figure is None or figure + 1 >= len(cells):
        return None
    text = cells[figure + 1].strip()
    return figure + 1 if _JOINING.match(text) and len(text) <= _LONGEST_TAIL and not is_value(text) else None


def cut_unoperated(texts: list[str], marks: list[int], before: int, slots: list[str]) -> list[list[str]]:
    """A stream's run under an operator column holding one operated row and rows whose targets have no operator
    (``投资计划分解用时 | ≤ | 20 | 工作日 | 落实到位率 | 100%``: a rate or a count written whole, its 指标性质 cell
    left empty): where the columns after the operator hold only the target and its unit, the operated row ends
    after them, and each name followed by a target before or after it is a row of its own."""
    after = slots[slots.index("operator") + 1:]
    if not marks or not set(after) <= {"target", "unit"} or marks[0] < before:
        return [texts]
    start = marks[0] - before
    end = marks[0] + 2
    if "unit" in after and end < len(texts) and label(texts[end]).role is Role.UNIT:
        end += 1
    head, tail = _name_value_pairs(texts[:start]), _name_value_pairs(texts[end:])
    if head is None or tail is None:
        return [texts]
    return [*head, texts[start:end], *tail]


def cut_at_figures(texts: list[str], slots: list[str], segmented: bool) -> list[list[str]] | None:
    """A stream under an operator column whose rows' empty cells vanished (指标性质 | 指标值 | 度量单位, the operator
    and the unit printed for some rows only: ``主体班培训人次 | 280人次 | 邀请…人次 | 25人次 | 培训学员…满意度 | ≥ | 95
    | %``), so rows hold different counts of cells and no count of cells before the operator cuts them: each row
    is cut by what its cells hold instead. A row opens with its name, words followed by its figures (an
    operator, a figure, a unit, a date); words standing after a row's figures and before further figures open
    the next row, except in a column of words the row holds between its target and its last figures (指标标准或依据
    before the actuals), which stands within the operated row's width from its target. A word of the qualitative
    vocabulary is a figure here (a target or what was achieved). None when columns of
    words stand between the name and the operator (a description: then the words do not say where a row opens),
    or when every row prints its operator (the operators cut the stream), or when the stream marks its empty
    cells (then its rows are whole), or when its cells were cut from run-together text (its words were cut
    where a label ends, not where a cell does)."""
    operator = slots.index("operator")
    if "name" not in slots or segmented or not all(text.strip() for text in texts) or any(kind not in (*FIGURE_COLUMNS, *POINTS)
                                  for kind in slots[slots.index("name") + 1:operator]):
        return None
    after = slots[operator + 1:]
    figures = [at for at, kind in enumerate(after) if kind in (*FIGURE_COLUMNS, *POINTS, *ACHIEVED)]
    # the farthest column of words before the row's last figure, counted from the target
    inside = max((at for at in range(max(figures, default=0)) if after[at] not in
                  (*FIGURE_COLUMNS, *POINTS, *ACHIEVED)), default=0)
    # (a word of the qualitative vocabulary is a target or what was achieved, 完成 after ≤ | 30 | 万元; so is
    # a direction, 正向指标, a figure column's word)
    measured = [is_value(text) or is_operator(text) or is_qualitative(text) or _DIRECTION.match(text.strip())
                is not None or label(text).role in (Role.UNIT, Role.DATE) for text in texts]
    parts, start, seen, within = [], 0, False, -1
    trailing = False  # words after a row's figures
    for index, text in enumerate(texts):
        if measured[index]:
            if not seen or is_operator(text):
                # a row's first figure: its target (or its operator, the target after it), the words within its
                # width a column of its own
                within = index + inside + is_operator(text)
            seen = True
        elif seen and index > within and index + 1 < len(texts) and measured[index + 1] \
                and label(text).role is Role.TEXT:
            parts.append(texts[start:index])
            start, seen = index, False
        elif seen and (index + 1 < len(texts) or SENTENCE.search(text)):
            trailing = True  # (a last cell of words is the row's target, unless it is a sentence)
    parts.append(texts[start:])
    if sum(1 for text in texts if is_operator(text)) >= len(parts):
        return None
    if trailing and not any(kind not in (*FIGURE_COLUMNS, *POINTS, *ACHIEVED) for kind in after):
        return None  # words after a row's figures, and no column of words there: these are no rows of the grid
    return parts


def cut_after_points(texts: list[str], slots: list[str]) -> list[list[str]]:
    """A stream of a self-evaluation grid holding rows whose targets are words (``严格执行相关制度规定``)
    has one anchor or none: a row ends with its points (分值, 得分), so text after as many bare numbers as
    there are point columns, followed by a further cell, begins the next row."""
    points = [kind for kind in slots if kind in POINTS]
    if not points or slots.index(points[0]) == 0:
        return [texts]
    # words after the points under a column of words after them (偏差原因分析及改进措施) that hold no figure, no
    # target to the stream's end are that column's cell (建档立卡中有新增死亡 | 人员,导致有偏差), no row of their own
    worded = slots.index(points[-1]) + 1 < len(slots) and slots[-1] in WORD_COLUMNS
    parts, start = [], 0
    for index in range(len(texts) - 1):
        ended = index - start >= len(points) and all(
            is_bare_number(text) for text in texts[index - len(points):index])
        if worded and ended and not any(is_value(text) or looks_like_target(text) or is_qualitative(text)
                                        for text in texts[index:]):
            break
        if ended and not is_bare_number(texts[index]) and not looks_like_target(texts[index]) \
                or _opens_short_row(texts, start, index):
            parts.append(texts[start:index])
            start = index
    parts.append(texts[start:])
    return parts


def _opens_short_row(texts: list[str], start: int, index: int) -> bool:
    """True for a name opening a row that prints no points, after a row that holds its values already (Anhui's
    breakdown rows under their ★ row: ``★补助…种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | 其中桃树种植面积 | 1.5亩 |
    1.5亩``): words that are no value and no qualitative target, after a figure and before the row's own target
    and what was achieved (a rule between the points, ``1 | 超出正负10%不得分 | 1``, is followed by one figure)."""
    text = texts[index]
    return (0 < index < len(texts) - ROW_VALUES and is_value(texts[index - 1])
            and all(is_value(cell) for cell in texts[index + 1:index + 1 + ROW_VALUES])
            and sum(1 for cell in texts[start:index] if is_value(cell)) >= ROW_VALUES
            and label(text).role is Role.TEXT and not is_value(text) and not is_qualitative(text))


def pair_names_with_values(runs: list, slots: list[str]) -> list[list[str]]:
    """Rows whose names were printed apart from their figures, in the same order (``指标24:传染病…报告 | 数 |
    指标25:家庭医生签约率 | 14例 | 14例 | 2 | 2 | 24694人 | 22584人 | 2 | 1.7``: a spreadsheet's text taken out line
    by line, a wrapped name's cell ending below the figures of the row beside it): a run of rows holding only a
    name (and the wrapped end of it) followed by a row whose figures fill as many rows alike. Each name gets its
    share of the figures, in order, and a wrapped end rejoins its name. Changes ``runs``; returns the bodies
    paired."""
    after = len(slots) - slots.index("name") - 1 if "name" in slots else 0
    paired: list[list[str]] = []
    names: list[int] = []  # the runs so far holding only a name
    for at, (levels, body, _start, _lines) in enumerate(runs):
        filled = [text for text in body if text.strip()]
        if names and any(key in levels for key in LEVELS):
            names = []  # a new group: the names before are no rows of this one
        if filled and _name_only(filled):
            names.append(at)
            continue
        figures = filled[1:]
        count = len(names) + 1
        if names and filled and label(filled[0]).role is Role.TEXT and not is_value(filled[0]) \
                and figures and all(is_value(text) for text in figures) and len(figures) % count == 0 \
                and after < 2 * (len(figures) // count) <= 2 * after and _alike(figures, len(figures) // count):
            # (each share fills more than half the columns after the name: one row's own figures are never two
            # rows' worth)
            share = len(figures) // count
            for order, index in enumerate([*names, at]):
                levels, body, start, lines = runs[index]
                name = Joined([text for text in body if text.strip()]) if index != at else filled[0]
                new_body = [name, *figures[order * share:(order + 1) * share]]
                runs[index] = (levels, new_body, start, [*lines[:1]] * len(new_body))
                paired.append(new_body)
        names = []
    return paired


def pair_name_past_level1(runs: list, slots: list[str]) -> list[list[str]]:
    """A group's first row whose figures were printed after the group's level-1 cell (a spreadsheet's text taken out
    by merged cell: ``数量指标 | 指标1:全县参合人数 | 产出指标(50分) | 8755 | 8676 | 15 | 13 | 建档立卡中有…``): a run
    holding only a name under a level 2, then a run under a level 1 alone that opens with figures, no name of its
    own, as many as the columns after the name hold at most. The figures and what follows them are the name's row,
    under that level 1. A cell between the name and the level-1 cell that names a budget unit (稷山县医疗保险服务中心,
    the header's 实施单位 printed among the merged cells) is no cell of the row: set aside as unplaced (P113). Changes
    ``runs``; returns the bodies paired."""
    after = len(slots) - slots.index("name") - 1 if "name" in slots else 0
    paired: list[list[str]] = []
    at = 0
    while at + 1 < len(runs):
        levels, body, start, lines = runs[at]
        next_levels, next_body, _, next_lines = runs[at + 1]
        filled = [text for text in body if text.strip()]
        stray = filled[1:] if len(filled) == 2 and names_a_unit(filled[1]) and not is_value(filled[1]) else []
        figures = [text for text in next_body if text.strip()]
        cell_lines = [line for text, line in zip(next_body, next_lines) if text.strip()]
        points = level_label_in(figures)
        level1 = next_levels.get("level1", "")
        if points is not None and not points[1] and points[0] == list(range(len(points[0]))):
            # the level-1 cell's points wrapped onto lines of their own (产出指标 | (50分 | )): the level's
            level1 = Joined([level1, *figures[:len(points[0])]])
            figures, cell_lines = figures[len(points[0]):], cell_lines[len(points[0]):]
        leading = next((index for index, text in enumerate(figures) if not is_value(text)), len(figures))
        if ("level2" in levels and "level1" not in levels and filled and _name_only(filled[:len(filled) - len(stray)])
                and set(next_levels) & set(LEVELS) == {"level1"} and ROW_VALUES <= leading <= after):
            name = Joined(filled[:len(filled) - len(stray)])
            merged = {"level1": level1, **levels, **{key: value for key, value in next_levels.items()
                                                      if key != "level1"}}
            if stray:
                merged["_unplaced"] = stray[0]
            new_body = [name, *figures]
            runs[at:at + 2] = [(merged, new_body, start, [*(lines[:1] or [None]), *cell_lines])]
            paired.append(new_body)
        at += 1
    return paired


def join_fixed_width(texts: list[str], slots: list[str], name_widths: list[int]) -> list[str]:
    """A PDF's stream row whose cells of words were wrapped over fixed-width lines, each line a cell of its own
    (``企业把握政治导向和文 | 化方向情况 | 企业把握正 | 确政治导向 | 和文化方向 | 情况的评价``): every line but a cell's
    last fills its column, so a line as wide as the column's lines go is continued by the next. The name's column
    is as wide as the first line of a name the stream wrapped before (``支持服务贸易、服务外 | 包企业数量 | 3``),
    another cell's as its own first line. Put together when the row's words are more cells than its columns
    hold before its figures and fit them after. The grid's headings a PDF's text flow printed after the row
    (``推动企业走出去方面发 | 挥的作用 | 是否利于企 | 业走出去 | 二级指标``: the last row's text comes before the left
    column's) end its cells and stay after them."""
    words = next((at for at, text in enumerate(texts) if is_value(text) or label(text).role is not Role.TEXT),
                 len(texts))
    ends = next((at for at, text in enumerate(texts[words:], words) if not is_value(text)), len(texts))
    figures, headings = texts[words:ends], texts[ends:]
    if words < 3 or not slots or slots[0] != "name" or not all(
            label(text).role is Role.HEADING and not is_value(text) for text in headings) \
            or words + len(figures) <= len(slots) and all(
                kind not in POINTS for kind in slots[1:words]):
        return texts  # (the words fit their columns, none of them standing in a points column)
    cells = [texts[0].strip()]
    width, last = max(name_widths), display_width(texts[0].strip())
    for text in texts[1:words]:
        piece = display_width(text.strip())
        if last >= width - _WIDE_CHARACTER and piece <= width:
            cells[-1] += text.strip()
        else:
            cells.append(text.strip())
            width = piece
        last = piece
    joined = [*cells, *figures]
    if len(joined) > len(slots) or any(kind in POINTS for kind in slots[1:len(cells)]):
        return texts
    return [*joined, *headings]


def absent_columns(texts: list[str], slots: list[str]) -> set[str]:
    """The columns of a stream's row whose cells the row does not hold, its empty cells dropped: the description
    column when the row is a cell short and a figure stands in its place (a description is words); the unit
    column when no cell is a unit and a figure or a qualitative target stands in its place (``资金使用合规性 |
    好 | 好 | 100%`` under 指标名称 | 计量单位 | 指标性质 | 年初指标值), the operator column when no cell is an
    operator and a figure, a date or a qualitative target stands in its place (``预算完成率 | % | 70% | 76%``,
    ``项目完成时限 | 2025年12月``)."""
    filled = [text for text in texts if text.strip()]
    absent: set[str] = set()
    if "description" in slots and "target" in slots and slots.index("description") < len(filled) \
            < len(slots) and slots.index("description") < slots.index("target") \
            and is_value(filled[slots.index("description")]):
        # a row a cell short with a figure where the description stands: the description ran into the name
        # (救助覆盖率困难群众基本生活救助是否应救尽救 | 100%, run-together text), the figure is the target
        absent.add("description")
    for kind, holds in (("unit", lambda text: label(text).role is Role.UNIT), ("operator", is_operator)):
        at = slots.index(kind) - len(absent & set(slots[:slots.index(kind)])) \
            if kind in slots else len(filled)
        if at < len(filled) and not any(holds(text) for text in filled) and (
                is_value(filled[at]) or is_qualitative(filled[at]) or is_marked_figure(filled[at])
                or label(filled[at]).role is Role.DATE):
            absent.add(kind)
    return absent

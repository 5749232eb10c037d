"""Metamorphic variants of a goal document's text: the same table written in another form real publishers use.

Each transformation takes a document's text and returns it rewritten, or None where it does not apply (a pipe
layout cannot lose pipes it does not have). The table content is untouched, so a variant must read as its
original's golden; ``benchmarks/corpus_variants.py`` scores them.

The forms are those seen in published text: cells separated by TABs, pipes or runs of spaces; one cell per line
(a web table copied from the browser); a long cell wrapped onto a continuation line; full-width digits and
punctuation; page chrome around the table (site navigation, 打印本页, 来源, page numbers); the header
row printed again after a page break; blank lines between rows; Traditional characters; a trailing 备注 column
and a leading 序号 column. Then the forms of other provinces and bodies (the layout families of
``shared/corpus/README.md``): other names for the columns' headings, the operator and the unit in columns of their
own, merged level cells repeated on every row or written once, no 一级指标 column, a 中长期 value column beside the
年度 one, a heading wrapped over two lines, a 权重 column and figures with thousands separators. Then the families of
self-evaluation forms: the money table's columns in other words or wrapped over two rows, its 执行率 as a fraction or
without its sign, the 得分 column before the 分值 column, the total said in a sentence below the grid. Then the grid
pasted without its heading row, its value column before the name, a 指标解释 column of free text with figures of
its own, and the certain slips of OCR inside its targets' figures (1〇0%, ≥l8, 99，5%, 9 5%). Then
a table's rows with their cells run together and no separator left, as document-sharing sites extract them; the
text glossed in pinyin by a converter site (項(xiàng)目); and a plain goal grid written without its columns, its levels
shown by indentation alone or its rows said in sentences under their level names. ``benchmarks/compound_variants.py``
applies two or three of these in turn, as real documents combine them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from itertools import takewhile

__all__ = ["TRANSFORMS", "variants"]

_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# the row that heads the indicator columns: it names the third-level indicator or the target column
_HEADING = re.compile(r"三级指标|指标值|指标名称|年度指标值")
_WRAP_MIN = 12


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 and not _SEPARATOR.match(line.strip())


def _is_spaced_row(line: str) -> bool:
    return "|" not in line and bool(_GAP.search(line.strip()))


def _cells(line: str) -> list[str]:
    """The cells of a pipe row, empty ones kept."""
    return [cell.strip() for cell in line.strip().removeprefix("|").removesuffix("|").split("|")]


def _spaced_cells(line: str) -> list[str]:
    return [cell for cell in _GAP.split(line.strip()) if cell]


def _rows(text: str) -> list[tuple[int, list[str], str]]:
    """(line index, cells, kind) of every table row written with pipes or runs of spaces."""
    rows = []
    for index, line in enumerate(text.split("\n")):
        if _is_pipe_row(line):
            rows.append((index, _cells(line), "pipe"))
        elif _is_spaced_row(line):
            rows.append((index, _spaced_cells(line), "spaced"))
    return rows


def _rewrite_rows(text: str, rewrite: Callable[[list[str], str], str | None]) -> str | None:
    """``text`` with every pipe or spaced row replaced by ``rewrite(cells, kind)`` (None: kept); None when no row
    changed."""
    lines = text.split("\n")
    changed = False
    for index, cells, kind in _rows(text):
        new = rewrite(cells, kind)
        if new is not None and new != lines[index]:
            lines[index] = new
            changed = True
    return "\n".join(lines) if changed else None


def pipes_to_tabs(text: str) -> str | None:
    """Pipe rows as TAB-separated cells (a spreadsheet copied as text); empty cells stay empty."""
    return _rewrite_rows(text, lambda cells, kind: "\t".join(cells).rstrip("\t") if kind == "pipe" else None)


def pipes_to_spaces(text: str) -> str | None:
    """Pipe rows as cells separated by runs of spaces (empty cells vanish, as in a page's text)."""
    return _rewrite_rows(text, lambda cells, kind: "    ".join(c for c in cells if c) if kind == "pipe" else None)


_COLUMN_ROWS = 3  # rows of pipes that make a table written in columns


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pipes_to_columns(text: str) -> str | None:
    """Each block of pipe rows as fixed-width columns, every cell padded with spaces to its column's widest cell and
    an empty cell left as blank space, so each cell stands under its heading (a PDF's or a spreadsheet's text taken
    out with its layout kept: merged cells print on one row, blank on the others). Only a table's rows: runs of at
    least three lines each holding two cells or more (a ``cell |`` line is one cell of a row printed over lines)."""
    lines = text.split("\n")
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not _is_pipe_row(line) or sum(bool(cell) for cell in _cells(line)) < 2:
            continue
        if blocks and blocks[-1][-1] == index - 1:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    changed = False
    for block in (block for block in blocks if len(block) >= _COLUMN_ROWS):
        rows = [_cells(lines[index]) for index in block]
        widths = [max(_display_width(row[at]) for row in rows if at < len(row)) for at in range(max(map(len, rows)))]
        for index, row in zip(block, rows):
            lines[index] = "".join(cell + " " * (widths[at] - _display_width(cell) + 4)
                                   for at, cell in enumerate(row)).rstrip()
            changed = True
    return "\n".join(lines) if changed else None


def spaces_to_tabs(text: str) -> str | None:
    """Runs of two or more spaces between cells as one TAB."""
    return _rewrite_rows(text, lambda cells, kind: "\t".join(cells) if kind == "spaced" else None)


def spaces_to_pipes(text: str) -> str | None:
    """Spaced rows as pipe rows (``| a | b |``)."""
    return _rewrite_rows(text, lambda cells, kind: "| " + " | ".join(cells) + " |" if kind == "spaced" else None)


def cell_per_line(text: str) -> str | None:
    """Every row's filled cells one per line, as a web table copied from the browser."""
    return _rewrite_rows(text, lambda cells, kind: "\n".join(c for c in cells if c))


def _cut(cell: str) -> tuple[str, str] | None:
    """A long text cell cut in the middle of its text (never inside a figure); None for a short or numeric cell."""
    if len(cell) < _WRAP_MIN or re.search(r"\d", cell):
        return None
    middle = len(cell) // 2
    return cell[:middle], cell[middle:]


def wrapped_cells(text: str) -> str | None:
    """Long text cells wrapped onto a continuation line: in a pipe row, a row holding only the cell's tail in its
    column (as PDF table extraction writes it); a one-cell line (no space in it) goes on over the next line."""
    lines = text.split("\n")
    out: list[str] = []
    changed = False
    for line in lines:
        if _is_pipe_row(line):
            cells = _cells(line)
            cuts = [_cut(cell) for cell in cells]
            if any(cuts):
                head = [cut[0] if cut else cell for cell, cut in zip(cells, cuts)]
                tail = [cut[1] if cut else "" for cut in cuts]
                out += ["| " + " | ".join(head) + " |", "| " + " | ".join(tail) + " |"]
                changed = True
                continue
        elif line.strip() and not re.search(r"[\s|]", line.strip()):  # (a line with spaces may be a gapped row)
            cut = _cut(line.strip())
            if cut:
                indent = line[: len(line) - len(line.lstrip())]  # (indentation shows the levels of an outline)
                out += [indent + cut[0], indent + cut[1]]
                changed = True
                continue
        out.append(line)
    return "\n".join(out) if changed else None


_FULL = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(ord("0"), ord("9") + 1)},
                       "%": "％", "(": "（", ")": "）", "<": "＜", ">": "＞", ":": "：", "=": "＝", ",": "，"})


def _changed(text: str, convert: Callable[[str], str]) -> str | None:
    new = convert(text)
    return new if new != text else None


def full_width(text: str) -> str | None:
    """Digits and punctuation in their full-width forms (０-９ ％ （） ＞ ：). (The other direction changes
    nothing: the collected texts are half-width throughout.)"""
    return _changed(text, lambda text: text.translate(_FULL))


_CHROME_BEFORE = ["首页 > 政务公开 > 财政信息 > 预算公开", "【打印本页】 【关闭窗口】", "来源：县财政局    发布时间：2023-05-16 10:21",
                  "字号：大 中 小    浏览次数：328"]
_CHROME_AFTER = ["第 1 页 共 3 页", "上一篇：关于公开2023年部门预算的说明", "打印本页    关闭窗口",
                 "主办单位：县人民政府办公室    网站标识码：5113000001"]


def page_chrome(text: str) -> str:
    """Site navigation, print links, source and date lines before the document, page number and footer after."""
    return "\n".join(_CHROME_BEFORE) + "\n\n" + text.rstrip("\n") + "\n\n" + "\n".join(_CHROME_AFTER) + "\n"


def _heading_row(text: str) -> int | None:
    """The index in ``_rows(text)`` of the row heading the indicator columns."""
    return next((i for i, (_, cells, _) in enumerate(_rows(text)) if any(_HEADING.search(c) for c in cells)), None)


def header_repeated(text: str) -> str | None:
    """The indicator heading row printed again halfway down the table (a page break)."""
    rows = _rows(text)
    heading = _heading_row(text)
    if heading is None or len(rows) - heading < 4:
        return None
    lines = text.split("\n")
    after = rows[heading + (len(rows) - heading) // 2][0]
    return "\n".join(lines[:after] + [lines[rows[heading][0]]] + lines[after:])


def blank_lines(text: str) -> str:
    """A blank line after every line."""
    return "\n\n".join(text.split("\n"))


@cache
def _to_traditional() -> Callable[[str], str]:
    # an OpenCC converter loads its dictionaries when made (a tenth of a second): one for every variant
    import opencc

    return opencc.OpenCC("s2t").convert


def traditional(text: str) -> str | None:
    """The text in Traditional characters (OpenCC s2t), as a Hong Kong or Taiwan page shows it."""
    return _changed(text, _to_traditional())


# the pinyin a simplified→traditional converter site writes after a character (項(xiàng)目, 指標(biāo)), as the dev documents
# of family 8 print them (015, 118, 141, 153, 211, 223): every character the corpus shows glossed, with its gloss there
_GLOSSES = {
    "標": "biāo", "項": "xiàng", "預": "yù", "數": "shù", "學": "xué", "達": "dá", "執": "zhí", "補": "bǔ", "經": "jīng",
    "業": "yè", "財": "cái", "產": "chǎn", "區": "qū", "設": "shè", "態": "tài", "實": "shí", "萬": "wàn", "績": "jī",
    "內": "nèi", "費": "fèi", "評": "píng", "發": "fā", "準": "zhǔn", "價": "jià", "進": "jìn", "質": "zhì", "術": "shù",
    "務": "wù", "轉": "zhuǎn", "護": "hù", "權": "quán", "時": "shí", "點": "diǎn", "認": "rèn", "據": "jù", "續": "xù",
    "監": "jiān", "會": "huì", "報": "bào", "關": "guān", "號": "hào", "結": "jié", "環": "huán", "協": "xié", "鄉": "xiāng",
    "衛": "wèi", "網": "wǎng", "災": "zāi", "應": "yīng", "復": "fù", "對": "duì", "領": "lǐng", "農": "nóng", "責": "zé",
    "養": "yǎng", "調": "diào", "計": "jì", "規": "guī", "級": "jí", "當": "dāng", "現": "xiàn", "獎": "jiǎng", "無": "wú",
    "濟": "jì", "國": "guó", "勵": "lì", "個": "gè", "鎮": "zhèn", "運": "yùn", "簡": "jiǎn", "專": "zhuān", "優": "yōu",
    "來": "lái", "驗": "yàn", "頁": "yè", "負": "fù", "請": "qǐng", "聯": "lián", "統": "tǒng", "絡": "luò", "節": "jié",
    "穩": "wěn", "機": "jī", "構": "gòu", "戶": "hù", "強": "qiáng"}
_GLOSSED = re.compile("[" + "".join(_GLOSSES) + "]")


def pinyin_glosses(text: str) -> str | None:
    """The text in Traditional characters with a pinyin gloss after each character a converter site glosses
    (項(xiàng)目, 績(jī)效目標(biāo), ≥10萬(wàn)元), as the document-sharing sites' copies of family 8 print it, in the cells
    and headings alike."""
    converted = traditional(text)
    if converted is None:
        return None
    return _changed(converted, lambda text: _GLOSSED.sub(lambda found: f"{found[0]}({_GLOSSES[found[0]]})", text))


# the first cell of a row below the indicator grid: its total, the conclusions, signatures, the next form's title
_GRID_END = re.compile(r"合计|总分|总计|评价结论|存在问题|改进措施|其他需要说明|项目负责人|填报人|审核|.*(?:绩效目标表|绩效自评表)")


def _heading_rows(rows: list[tuple[int, list[str], str]], start: int) -> int:
    """How many rows from ``rows[start]`` on print the indicator heading: the heading row, and the rows after it
    that hold no figure and no level name (``分值 | 得分 | 偏差原因分析及改进措施``: the rest of a heading row a text
    copy broke over lines)."""
    count = 1
    for _, cells, _ in rows[start + 1:]:
        if any(re.search(r"\d", c) or _LEVEL1.fullmatch(c) or _LEVEL2.fullmatch(c) for c in cells):
            break
        count += 1
    return count


def _column_added(text: str, heading: str, cell: Callable[[int], str], front: bool) -> str | None:
    """A column added to the indicator table: ``heading`` on its heading row, ``cell(n)`` on the n-th row after. A
    heading row broken over lines takes the new heading on its first line (a leading column) or its last (a
    trailing one), the others nothing; a heading written one cell a line has no row to add a cell to."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None or sum(1 for cell in rows[start][1] if cell) < 2:
        return None
    lines = text.split("\n")
    headings = _heading_rows(rows, start)
    for number, (index, cells, kind) in enumerate(rows[start:]):
        if _GRID_END.match(next((c for c in cells if c), "")):
            break  # (the rows below the grid, its total and the next form, have no cell of the column)
        if kind != rows[start][2]:
            continue
        if number < headings:
            added = heading if number == (0 if front else headings - 1) else None
            cells = _filled_end(cells) if added is not None and not front else cells
        else:
            added = cell(number - headings + 1)
        if added is not None:
            cells = [added, *cells] if front else [*cells, added]
        lines[index] = "| " + " | ".join(cells) + " |" if kind == "pipe" else "    ".join(c for c in cells if c)
    return "\n".join(lines)


def _filled_end(cells: list[str]) -> list[str]:
    """A heading row's cells without the empty ones padding its end (a trailing heading stands after the last)."""
    return cells[: len(cells) - _filled(cells[::-1])] if any(cells) else cells


def remark_column(text: str) -> str | None:
    """A trailing 备注 column, mostly empty, 无 on every third row."""
    return _column_added(text, "备注", lambda n: "无" if n % 3 == 0 else "", front=False)


def serial_column(text: str) -> str | None:
    """A leading 序号 column numbering the rows."""
    return _column_added(text, "序号", str, front=True)


# a whole cell: what stands between the start or end of its line, a pipe, a TAB or a run of spaces
_CELL_START = r"(?:(?<=^)|(?<=[|\t])|(?<=\s\s)|(?<=\|\s))"
_CELL_END = r"(?=\s*(?:$|\||\t|\s\s))"
_TARGET_HEADINGS = ("指标值", "年度指标值")


def _headings_renamed(text: str, renames: dict[str, str]) -> str | None:
    """``text`` with every cell that is exactly one of ``renames``' keys renamed (a longer heading holding the word,
    指标值确定依据, stays)."""
    pattern = re.compile(_CELL_START + "(" + "|".join(map(re.escape, renames)) + ")" + _CELL_END, re.MULTILINE)
    return _changed(text, lambda text: pattern.sub(lambda match: renames[match[1]], text))


def target_heading(text: str) -> str | None:
    """The value column headed 目标值 / 年度目标值, as the Hubei, Guangdong and Jiangsu forms head it."""
    return _headings_renamed(text, {"指标值": "目标值", "年度指标值": "年度目标值"})


def expected_heading(text: str) -> str | None:
    """The value column headed 预期目标值 (the Ministry's 88号 form and the transfer-payment forms)."""
    return _headings_renamed(text, dict.fromkeys(_TARGET_HEADINGS, "预期目标值"))


def performance_value_heading(text: str) -> str | None:
    """The value column headed 绩效指标值 (Shandong and Inner Mongolia budget-system exports)."""
    return _headings_renamed(text, dict.fromkeys(_TARGET_HEADINGS, "绩效指标值"))


def name_heading(text: str) -> str | None:
    """The indicator column headed 指标名称 (the Hunan and Chongqing forms, and the NDRC's investment form)."""
    return _headings_renamed(text, {"三级指标": "指标名称"})


def specific_heading(text: str) -> str | None:
    """The indicator column headed 具体指标 (county forms that name only 一级 / 二级 / 具体指标)."""
    return _headings_renamed(text, {"三级指标": "具体指标"})


def short_level_headings(text: str) -> str | None:
    """The level columns headed 一级 / 二级 / 三级 without 指标 (narrow columns of printed forms)."""
    return _headings_renamed(text, {"一级指标": "一级", "二级指标": "二级", "三级指标": "三级"})


def _line_cells(line: str) -> tuple[list[str], Callable[[list[str]], str]]:
    """A line's cells in its own layout (a pipe, TAB or spaced row, a ``cell |`` line, a one-cell line) and how to
    write cells back in that layout (one line per cell for the one-cell layouts, where an empty cell vanishes)."""
    indent = line[: len(line) - len(line.lstrip())]
    head, bar, rest = line.strip().partition("|")
    if bar and head.strip() and not rest.replace("|", "").strip():
        # one cell a line with pipes after it (``cell |``, ``cell | |||`` where merged cells were): a cell split in
        # several keeps the line's padding after its last part (the padding says where the row closes)
        return [head.strip()], lambda cells: "\n".join(
            [f"{cell} |" for cell in cells if cell][:-1] + [f"{cell} |{rest}" for cell in cells if cell][-1:])
    if _is_pipe_row(line):
        if line.strip().startswith("|"):
            return _cells(line), lambda cells: "| " + " | ".join(cells) + " |"
        # (an ``a | b |`` row stays without a leading pipe, so it cannot open with an empty cell: it leaves it out,
        # as that layout leaves out merged cells)
        return _cells(line), lambda cells: " | ".join(cells[_filled(cells):]) + " |"
    if "\t" in line.strip():
        return [cell.strip() for cell in line.split("\t")], "\t".join
    if _is_spaced_row(line):
        return _spaced_cells(line), lambda cells: indent + "    ".join(cell for cell in cells if cell)
    return [line.strip()], lambda cells: "\n".join(indent + cell for cell in cells if cell)


def _all_cells(text: str) -> list[str]:
    return [cell for line in text.split("\n") for cell in _line_cells(line)[0]]


def _rewrite_cells(text: str, convert: Callable[[str], list[str] | None], once: bool = False) -> str | None:
    """``text`` with every cell replaced by the cells ``convert`` makes of it (None: kept); a line left with no
    cell goes. ``once``: only the first cell of a line that ``convert`` changes. None when nothing changed."""
    out = []
    changed = False
    for line in text.split("\n"):
        cells, write = _line_cells(line)
        converted = [convert(cell) if cell else None for cell in cells]
        if once:
            first = next((at for at, new in enumerate(converted) if new is not None), len(converted))
            converted = [new if at == first else None for at, new in enumerate(converted)]
        if any(new is not None for new in converted):
            new_line = write([c for cell, new in zip(cells, converted) for c in (new if new is not None else [cell])])
            changed = changed or new_line != line
            if new_line or not line.strip():
                out.append(new_line)
            continue
        out.append(line)
    return "\n".join(out) if changed else None


_OPERATED = re.compile(r"(≥|≤|>=|<=|≧|≦|=|>|<)\s*(\d[\d,]*(?:\.\d+)?)\s*([^\d\s≥≤<>=]{0,8})")


def _split_targets(text: str, heading: Callable[[str], list[str]], target: Callable[[re.Match], list[str]]) -> str | None:
    """``text`` with the value heading's cell made ``heading(cell)`` and every target with an operator made
    ``target(match)``; None unless both are there (a form splits its values under a heading that says so). Only a
    row's first such cell is its target: what was achieved after it stays as written (≥100% | ≥100%)."""
    split = {"heading": False, "target": False}

    def convert(cell: str) -> list[str] | None:
        match = _OPERATED.fullmatch(cell)
        if cell in _TARGET_HEADINGS or match:
            split["heading" if match is None else "target"] = True
        return heading(cell) if match is None and cell in _TARGET_HEADINGS else target(match) if match else None

    variant = _rewrite_cells(text, convert, once=True)
    return variant if all(split.values()) else None


def operator_unit_columns(text: str) -> str | None:
    """The operator and the unit in columns of their own, 指标性质 | 指标值 | 度量单位 (the Sichuan 2023 and Yunnan
    forms, 003 and 102; Hunan's 2025 form heads them 指标值类型 | 目标值 | 度量单位). A target without an operator
    (a rate, a word) stays whole, as forms that leave 指标性质 blank write it."""
    return _split_targets(text, lambda cell: ["指标性质", cell, "度量单位"],
                          lambda match: [match[1], match[2], match[3]])


def unit_column(text: str) -> str | None:
    """The unit in a 计量单位 column after the value, the operator left with the figure (Hubei and Anhui budget-system
    exports: ≥18 | 公里)."""
    return _split_targets(text, lambda cell: [cell, "计量单位"], lambda match: [match[1] + match[2], match[3]])


_LEVEL1 = re.compile(r"(?:产\s*出|效\s*益|效\s*果|满\s*意\s*度)\s*指\s*标(?:\s*[(（]\d+分[)）])?|一级指标")
_LEVEL2 = re.compile(r"(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)"
                     r"\s*指\s*标等?(?:\s*[(（][^()（）]*[)）])?")
_COST_LEVEL1 = re.compile(r"经济成本|社会成本|生态环境成本")
_EMPTY_CELL_LINE = re.compile(r"^[ \t]*[\t|][ \t|]*$", re.MULTILINE)


def level1_dropped(text: str) -> str | None:
    """No 一级指标 column: only 二级 and 三级 columns (county forms and the NDRC's investment form, whose 一级 is
    implied by the 二级 name). Under the 2021 framework 成本指标 is a 一级 name and goes too. A table without 二级
    cells (一级 labels before prose) has no such form; nor has one cell a line with its empty cells marked (a TAB
    or a pipe alone on a line), whose merged 一级 cells would leave their marks behind."""
    if not any(_LEVEL2.fullmatch(cell) for cell in _all_cells(text)) or _EMPTY_CELL_LINE.search(text):
        return None
    cost = bool(_COST_LEVEL1.search(text))
    return _rewrite_cells(text, lambda cell: [] if _LEVEL1.fullmatch(cell) or (cost and cell == "成本指标") else None)


_WRAPPED_HEADINGS = {"一级指标": ("一级", "指标"), "二级指标": ("二级", "指标"), "三级指标": ("三级", "指标"),
                     "指标值": ("指标值", "(年度)"), "年度指标值": ("年度", "指标值"), "指标名称": ("指标", "名称")}


def heading_two_lines(text: str) -> str | None:
    """The indicator headings wrapped over two lines (一级 / 指标, 指标值 / (年度)), as a PDF of a narrow printed
    form gives them: in a row layout a second heading row holds the tails under their heads, one cell a line a
    heading's tail is its cell's second line."""
    start = _heading_row(text)
    if start is not None:
        index, cells, _ = _rows(text)[start]
        if any(cell in _WRAPPED_HEADINGS for cell in cells):
            parts = [_WRAPPED_HEADINGS.get(cell, (cell, "")) for cell in cells]
            _, write = _line_cells(text.split("\n")[index])
            lines = text.split("\n")
            lines[index] = write([head for head, _ in parts]) + "\n" + write([tail for _, tail in parts])
            return "\n".join(lines)
    # (one cell a line: the tail is the cell's second line, without the TAB or pipe that opens or ends a cell)
    return _rewrite_cells(text, lambda cell: ["\n".join(_WRAPPED_HEADINGS[cell])] if cell in _WRAPPED_HEADINGS else None)


# a figure of four digits or more that is a cell's count or amount (at the cell's start or after its operator, and
# nothing but its decimals and unit after it in the cell), not a year, a date, a code, a rate or a figure inside a
# name
_LARGE = re.compile(r"(?:(?<=^)|(?<=[|\t≥≤=><≧≦])|(?<=\s\s)|(?<=\|\s))(\d{4,})"
                    r"(?=(?:\.\d+)?\s*[^\d\s|;；,，。%\-—_]{0,6}\s*(?:$|\||\t|\s\s|[;；,，。]))", re.MULTILINE)


def thousands_separators(text: str) -> str | None:
    """Figures of a thousand and more written with thousands separators (21,933人; 3,309,840.00), as the Sichuan
    budget system and Excel exports print them."""
    def grouped(match: re.Match) -> str:
        figure = match[1]
        if len(figure) == 4 and figure[:2] in ("19", "20"):
            return figure
        return f"{int(figure):,}"

    return _changed(text, lambda text: _LARGE.sub(grouped, text))


def _table_rewritten(text: str, rewrite: Callable[[list[str], list[str]], list[str] | None]) -> str | None:
    """``text`` with every row from the indicator heading to the grid's end, of the heading's layout, replaced by
    ``rewrite(cells, heading cells)`` (None: kept); None when no row changed."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None:
        return None
    lines = text.split("\n")
    heading = rows[start][1]
    for index, cells, kind in rows[start + 1:]:
        if _GRID_END.match(next((c for c in cells if c), "")):
            break  # (the rows below the grid: its total, the next form's header and money table)
        new = rewrite(cells, heading) if kind == rows[start][2] else None
        if new is not None:
            lines[index] = _line_cells(lines[index])[1](new)
    variant = "\n".join(lines)
    return variant if variant != text else None


def _filled(cells: list[str]) -> int:
    """The index of a row's first filled cell."""
    return next((i for i, cell in enumerate(cells) if cell), len(cells))


def levels_once(text: str) -> str | None:
    """A merged 一级 / 二级 cell written on the first row of its group only, blank below (a pipe row keeps the
    empty cell, a spaced row loses it): the Excel exports of Anhui and Hubei."""
    last = ["", ""]

    def rewrite(cells: list[str], heading: list[str]) -> list[str]:
        first = _filled(cells)
        new = list(cells)
        repeated = True
        for offset, cell in enumerate(cells[first: first + 2]):
            depth = 1 if _LEVEL2.fullmatch(cell) else 0 if _LEVEL1.fullmatch(cell) and offset == 0 else None
            if depth is None:
                break
            repeated = repeated and cell == last[depth]
            new[first + offset] = "" if repeated else cell
            last[depth] = cell
        return new

    return _table_rewritten(text, rewrite)


_TARGET_LIKE = re.compile(r"(?:≥|≤|>=|<=|≧|≦|=|>|<)?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|[^\d\s%]{1,6})")


def levels_repeated(text: str) -> str | None:
    """A merged 一级 / 二级 cell repeated on every row of its group (filled down), as a spreadsheet unmerged before
    export writes it (the Sichuan and Chongqing budget-system exports): a target's row missing its levels gets
    the group's, in its empty leading cells or in front."""
    last = ["", ""]

    def rewrite(cells: list[str], heading: list[str]) -> list[str] | None:
        first = _filled(cells)
        filled = cells[first:]
        if filled and _LEVEL1.fullmatch(filled[0]):
            last[:] = [filled[0], filled[1] if len(filled) > 1 and _LEVEL2.fullmatch(filled[1]) else ""]
            return None
        if filled and _LEVEL2.fullmatch(filled[0]):
            last[1] = filled[0]
            missing = last[:1]
        elif any(_TARGET_LIKE.fullmatch(cell) for cell in filled):
            missing = last[:]
        else:
            return None
        return [*cells[: max(0, first - len(missing))], *missing, *filled] if all(missing) else None

    return _table_rewritten(text, rewrite)


def _after_filled(cells: list[str], added: str) -> list[str]:
    """``cells`` with ``added`` after the last filled one (the empty cells after it are the row's padding)."""
    end = len(cells) - _filled(cells[::-1])
    return [*cells[:end], added, *cells[end:]]


def weight_column(text: str) -> str | None:
    """A 权重 column after the others (the Sichuan and Hunan forms): the indicator rows' weights sum to 100, each
    after its row's last filled cell, the heading ends the header's last line. A form that prints its weights
    already (分值, 权重) has no second column of them; nor has a self-evaluation that prints each row's 得分 without
    them: weights made up beside scores given on another scale (out of the 80 points of 年度绩效目标) would make a table
    that contradicts itself (得分 above its 分值), no longer the same table in another form."""
    start = _heading_row(text)
    if start is None or any(re.fullmatch(r"分值|权重|标准分值|指标权重", cell) or cell.startswith("得分")
                            for cell in _rows(text)[start][1]):
        return None
    # (a line of one cell and its padding pipes is no row of a grid: one cell a line has no column to add)
    rows = [row for row in _rows(text)[start:] if len(row[1]) - row[1].count("") >= 2]
    first = next((number for number, (_, cells, _) in enumerate(rows)
                  if number and any(_TARGET_LIKE.fullmatch(cell) for cell in cells)), None)
    if first is None:
        return None
    share, rest = divmod(100, len(rows) - first)
    lines = text.split("\n")
    for number, (index, cells, _) in enumerate(rows[first - 1:]):
        weight = "权重" if not number else str(share + (rest if number == 1 else 0))
        lines[index] = _line_cells(lines[index])[1](_after_filled(cells, weight))
    return "\n".join(lines)


def _long_term(cell: str) -> str:
    """The 中长期 counterpart of an annual target: a count three times the year's, a rate the same."""
    if "%" in cell:
        return cell
    return re.sub(r"\d+(?:\.\d+)?", lambda match: str(int(match[0]) * 3) if match[0].isdigit() else match[0], cell,
                  count=1)


def long_term_column(text: str) -> str | None:
    """A 中长期指标值 column beside the 年度 one (the Hubei and Wuhan forms of 长期 and 年度 goals, 132 and 154): the
    value heading becomes 年度指标值 and each target is followed by its three-year counterpart."""
    def rewrite(cells: list[str], heading: list[str]) -> list[str] | None:
        index = next((i for i, cell in enumerate(cells) if _TARGET_LIKE.fullmatch(cell)), None)
        if index is None and len(cells) == len(heading) and (target := _target_column(heading)) is not None:
            index = target
        return None if index is None else [*cells[: index + 1], _long_term(cells[index]), *cells[index + 1:]]

    start = _heading_row(text)
    heading = [] if start is None else _rows(text)[start][1]
    target = _target_column(heading)
    # (where the operator and the unit have columns of their own, a value column between them is no real form)
    if target is None or {"指标性质", "度量单位", "计量单位"} & set(heading):
        return None
    variant = _table_rewritten(text, rewrite)
    if variant is None:
        return None
    lines = variant.split("\n")
    index = _rows(text)[start][0]
    lines[index] = _line_cells(lines[index])[1]([*heading[:target], "年度指标值", "中长期指标值", *heading[target + 1:]])
    return "\n".join(lines)


_FRAME = re.compile(r"绩效指标(?:[(（]\d+分[)）])?")  # the form's vertical label before the level headings


def long_term_set(text: str) -> str | None:
    """The 中期 set of 二级指标 | 三级指标 | 指标值 before the year's under a header naming them twice (the Anhui
    项目支出绩效目标申报表 of a multi-year project, 279): each row prints its long-term name and target, then the
    year's; a level-2 cell merged over its group is written on the group's first row only, so a row below it holds the
    two sets' names and targets alone. Pipe rows of a 一级 | 二级 | 三级 | 指标值 grid only, every row of that shape."""
    start = _heading_row(text)
    rows = _rows(text)
    heading = [re.sub(r"\s+", "", cell) for cell in rows[start][1] if cell] if start is not None else []
    frame = heading[:1] if heading and _FRAME.fullmatch(heading[0]) else []
    if start is None or rows[start][2] != "pipe" or heading[len(frame):len(frame) + 3] != [
            "一级指标", "二级指标", "三级指标"] or heading[len(frame) + 3:] not in (["指标值"], ["年度指标值"]):
        return None
    lines = text.split("\n")
    body = rows[start + 1:]
    for at, (index, cells, kind) in enumerate(body):
        filled = [cell for cell in cells if cell]
        level1 = filled[:1] if filled and _LEVEL1.fullmatch(filled[0]) else []
        level2 = filled[len(level1):len(level1) + 1]
        level2 = level2 if level2 and _LEVEL2.fullmatch(level2[0]) else []
        rest = filled[len(level1) + len(level2):]
        if kind != "pipe" or len(rest) != 2 or level1 and not level2 or _TARGET_LIKE.fullmatch(rest[0]):
            if at < 2 or any(_LEVEL2.fullmatch(cell) for _, later, _ in body[at:] for cell in later):
                return None  # (a row of another shape inside the grid: no such form)
            break  # (the grid ended: a signature or note row below it)
        name, target = rest  # (a count's long-term target three times the year's; a rate, date or word the same)
        long = _long_term(target) if _TARGET_LIKE.fullmatch(target) and not re.search(r"[年月日]", target) else target
        lines[index] = _line_cells(lines[index])[1]([*level1, *level2, name, long, *level2, name, target])
    index = rows[start][0]
    lines[index] = _line_cells(lines[index])[1]([*rows[start][1][:rows[start][1].index("一级指标")], "一级指标", "二级指标",
                                                 "三级指标", "指标值", "二级指标", "三级指标", "指标值"])
    return "\n".join(lines)


def _target_column(heading: list[str]) -> int | None:
    return next((i for i, cell in enumerate(heading) if cell in _TARGET_HEADINGS), None)


# -- self-evaluation forms (财预〔2020〕10号's 项目支出绩效自评表 and the provinces' forms built on it) ---------------------

# the money table's headings as the Ministry's form words them, a formula note ((A), (B/A)) kept after the word
_MONEY_HEADING = re.compile(r"(年初预算数|全年预算数|全年执行数|执行率)(\s*[(（][A-Za-z/×*%\d]*[)）])?")
_MONEY_RENAMES = {"年初预算数": "年初预算", "全年预算数": "调整预算数", "全年执行数": "实际支出数", "执行率": "预算执行率"}


def money_headings_renamed(text: str) -> str | None:
    """The money table's columns in other forms' words: 年初预算, 调整预算数, 实际支出数, 预算执行率 (county and
    provincial forms, and the budget systems' exports)."""
    def convert(cell: str) -> list[str] | None:
        found = _MONEY_HEADING.fullmatch(cell)
        return [_MONEY_RENAMES[found[1]] + (found[2] or "")] if found else None

    return _rewrite_cells(text, convert)


# a percent figure standing alone between a layout's separators (a space, a pipe, a TAB, a line's ends)
_PERCENT = re.compile(r"(?:(?<=^)|(?<=[\s|:：]))(\d{1,3}(?:\.\d+)?)\s*[%％](?=$|[\s|])", re.MULTILINE)
_RATE_HEADING = re.compile(r"执行率")


def _money_rates(text: str, write: Callable[[str], str]) -> str | None:
    """``text`` with the money table's rates (the percent figures after its first 执行率 heading, before the
    indicator grid's heading) written by ``write(figure)``, in any layout (one cell a line, runs of spaces, pipes;
    text run together has no figure standing alone)."""
    rate = _RATE_HEADING.search(text)
    grid = _HEADING.search(text, rate.end()) if rate else None
    if rate is None or grid is None:
        return None
    money = _PERCENT.sub(lambda found: write(found[1]), text[rate.end():grid.start()])
    return _changed(text, lambda text: text[:rate.end()] + money + text[grid.start():])


def _fraction(percent: str) -> str:
    """A percent figure as the fraction some forms print (91.67 → 0.9167, 100 → 1.00)."""
    places = len(percent.partition(".")[2]) + 2
    return f"{float(percent) / 100:.{max(places, 2)}f}"


def rate_as_fraction(text: str) -> str | None:
    """The money table's 执行率 printed as a fraction of one (0.9167, 1.00), as spreadsheets formatted as numbers
    print it."""
    return _money_rates(text, _fraction)


def rate_without_percent(text: str) -> str | None:
    """The money table's 执行率 without its percent sign (91.67 under 执行率(%))."""
    return _money_rates(text, lambda figure: figure)


_POINTS = ("分值", "得分")


def score_before_weight(text: str) -> str | None:
    """The 得分 column before the 分值 column (forms that print the score first, 自评得分 | 分值): the headings and
    every row of the heading's full width swapped; a table whose rows lost cells (merged or empty cells left out)
    has no such form, nor one a line per cell."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None or not all(word in rows[start][1] for word in _POINTS):
        return None
    heading = rows[start][1]
    first, second = (heading.index(word) for word in _POINTS)
    body = [row for row in rows[start + 1:] if row[2] == rows[start][2]]
    if not body or any(len(cells) != len(heading) for _, cells, _ in body):
        return None
    lines = text.split("\n")
    for index, cells, _ in [rows[start], *body]:
        cells = list(cells)
        cells[first], cells[second] = cells[second], cells[first]
        lines[index] = _line_cells(lines[index])[1](cells)
    return "\n".join(lines)


_TOTAL_CELL = re.compile(r"总\s*分|合\s*计")
_POINTS_FIGURE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def _total_row(lines: list[str], index: int) -> tuple[list[str], list[str], str, int] | None:
    """The 总分 row at ``lines[index]``: the lines that stay in its place (the closing cells before its label:
    其他需要说明事项 | 无 | 总分 | 100 | 96 | 优), its figures, its grade ("" for none) and the index after it; None
    for another line. One cell a line, the figures follow on lines of their own."""
    line = lines[index]
    cells, write = _line_cells(line)
    filled = [cell for cell in cells if cell]
    if len(filled) == 1 and _TOTAL_CELL.fullmatch(filled[0]):
        figures = [text.strip(" |\t") for text in takewhile(
            lambda text: _POINTS_FIGURE.fullmatch(text.strip(" |\t")), lines[index + 1:index + 3])]
        return [], figures, "", index + 1 + len(figures)
    at = next((i for i, cell in enumerate(filled) if _TOTAL_CELL.fullmatch(cell)), None)
    if at is None:
        return None
    rest = filled[at + 1:]
    figures = [cell for cell in rest if _POINTS_FIGURE.fullmatch(cell)]
    grades = [cell for cell in rest if cell in _GRADE_CELLS]
    if len(figures) + len(grades) != len(rest) or len(grades) > 1:
        return None
    return ([write(filled[:at])] if at else []), figures, "".join(grades), index + 1


def total_in_prose(text: str) -> str | None:
    """The 总分 row below the grid said in a sentence instead (经自评，该项目自评得分为96分，评价等级为优。), as forms that
    close with a conclusion write it: the row's last figure is the score claimed."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        found = _total_row(lines, index)
        if found is None or not found[1]:
            continue
        kept, figures, grade, end = found
        indent = line[: len(line) - len(line.lstrip())]
        graded = f"，评价等级为{grade}" if grade else ""
        sentence = f"{indent}经自评，该项目自评得分为{figures[-1]}分{graded}。"
        return "\n".join([*lines[:index], *kept, sentence, *lines[end:]])
    return None


_GRADE_CELLS = ("优", "良", "中", "差", "优秀", "良好")


# the money table's row label stating the unit (项目资金（万元）, 资金情况(万元)) and its amounts' headings
_MONEY_LABEL_UNIT = re.compile(r"([^()（）\s|]{0,8}资金[^()（）\s|]{0,4})\s*[(（](万元|元)[)）]")
_MONEY_AMOUNT_HEADING = re.compile(r"(年初预算数|全年预算数|全年执行数)(\s*[(（][A-Za-z]?[)）])?")


def money_units_in_headings(text: str) -> str | None:
    """The money table's unit written into each amount's heading (年初预算数（万元） | 全年预算数（万元） | 全年执行数（万元）)
    instead of its row label (项目资金（万元）), as many provinces' forms print it; in any layout."""
    label = _MONEY_LABEL_UNIT.search(text)
    if label is None or not _MONEY_AMOUNT_HEADING.search(text, label.end()):
        return None
    unit = f"（{label[2]}）"

    def convert(cell: str) -> list[str] | None:
        if (found := _MONEY_LABEL_UNIT.fullmatch(cell)) and found[2] == label[2]:
            return [found[1]]
        found = _MONEY_AMOUNT_HEADING.fullmatch(cell)
        return [found[1] + (found[2] or "") + unit] if found else None

    return _rewrite_cells(text, convert)


_MONEY_WRAPS = {"年初预算数": ("年初", "预算数"), "全年预算数": ("全年", "预算数"), "全年执行数": ("全年", "执行数")}


def money_headings_two_rows(text: str) -> str | None:
    """The money table's headings wrapped in their cells over two rows (年初 / 预算数, 全年 / 执行数), a second pipe
    row holding each tail under its head, as a PDF's table extraction gives a narrow form's headings. Rows written
    with a leading pipe only: a row without one cannot open with the empty cell its label's column leaves."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip().startswith("|") or not _is_pipe_row(line):
            continue
        cells = _cells(line)
        words = [(_MONEY_HEADING.fullmatch(cell), cell) for cell in cells]
        if sum(1 for found, _ in words if found and found[1] in _MONEY_WRAPS) < 2:
            continue
        heads = [_MONEY_WRAPS[found[1]][0] if found and found[1] in _MONEY_WRAPS else cell for found, cell in words]
        tails = [_MONEY_WRAPS[found[1]][1] + (found[2] or "") if found and found[1] in _MONEY_WRAPS else ""
                 for found, _ in words]
        lines[index] = "| " + " | ".join(heads) + " |\n| " + " | ".join(tails) + " |"
        return "\n".join(lines)
    return None


# -- the forms of the four families below: the grid without its heading, in another column order, with a column of
# explanation, and scanned with OCR's certain slips ---------------------------------------------------------------

_NAME_HEADINGS = ("三级指标", "指标名称", "具体指标")


def no_heading_row(text: str) -> str | None:
    """The indicator table's heading row (一级指标 | 二级指标 | 三级指标 | 指标值) left out: a grid pasted without its
    heading, as county portals paste the body of a spreadsheet under the form's title and as PDF extraction drops a
    heading row printed as an image."""
    start = _heading_row(text)
    # (a heading written one cell a line is no row to leave out)
    if start is None or sum(1 for cell in _rows(text)[start][1] if cell) < 2:
        return None
    lines = text.split("\n")
    del lines[_rows(text)[start][0]]
    return "\n".join(lines)


def _full_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """The indicator heading's cells and the rows after it of the heading's layout (index, cells); None without a
    heading naming both the indicator and its value."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None:
        return None
    heading = rows[start][1]
    if _target_column(heading) is None or not any(cell in _NAME_HEADINGS for cell in heading):
        return None
    return heading, [(index, cells) for index, cells, kind in rows[start:] if kind == rows[start][2]]


def _row_name(cells: list[str]) -> int:
    """Where a row's name stands: its first filled cell after its level names (a row that lost its merged cells,
    padded at its end, has it before the heading's place); the row's width when it has none."""
    levels = [i for i, cell in enumerate(cells) if _LEVEL1.fullmatch(cell) or _LEVEL2.fullmatch(cell)]
    return next((i for i, cell in enumerate(cells) if cell and i > max(levels, default=-1)), len(cells))


def columns_reordered(text: str) -> str | None:
    """The value column before the indicator's name (指标值 | 三级指标), as the Guangxi and Guizhou county forms and
    some budget-system exports order them; the heading row says which column is which. The heading swaps the two,
    each row its name (its first cell after its levels) and the cell after it."""
    found = _full_rows(text)
    if found is None:
        return None
    heading, rows = found
    target = _target_column(heading)
    name = next(i for i, cell in enumerate(heading) if cell in _NAME_HEADINGS)
    if target != name + 1:
        return None
    lines = text.split("\n")
    for number, (index, cells) in enumerate(rows):
        at = target if not number else _row_name(cells) + 1
        if at < len(cells) and cells[at]:
            lines[index] = _line_cells(lines[index])[1]([*cells[:at - 1], cells[at], cells[at - 1], *cells[at + 1:]])
    variant = "\n".join(lines)
    return variant if variant != text else None


# free text of an indicator's explanation: figures and percents that are its scoring rule, not its target
_DESCRIPTIONS = ("反映项目实施的实际完成情况，完成率100%得满分，每降低10%扣1分", "考核任务按期完成情况，未达到要求的按比例扣分",
                 "依据2023年度工作计划，抽查合格率低于80%不得分", "反映服务对象的满意程度，按问卷调查结果计分")


def description_column(text: str) -> str | None:
    """A 指标解释 column of free text after the indicator's name, before its value (the Zhejiang, Fujian and Henan
    provincial forms, 指标内容 / 评分标准 in others): its figures and percents are a scoring rule, not the target."""
    found = _full_rows(text)
    if found is None:
        return None
    heading, rows = found
    after = next(i for i, cell in enumerate(heading) if cell in _NAME_HEADINGS) + 1
    lines = text.split("\n")
    for number, (index, cells) in enumerate(rows):
        if _GRID_END.match(next((c for c in cells if c), "")):
            break
        at = after if not number else _row_name(cells) + 1
        if number and not any(cells[at:]):  # (a row of a level alone, or one cell: no name with a value after it)
            continue
        added = "指标解释" if not number else _DESCRIPTIONS[number % len(_DESCRIPTIONS)]
        lines[index] = _line_cells(lines[index])[1]([*cells[:at], added, *cells[at:]])
    return "\n".join(lines)


# a target's figure: an operator (or the cell's start), its digits, its decimals, what follows in the cell
_OCR_FIGURE = re.compile(r"^((?:≥|≤|>=|<=|≧|≦|=|>|<)?\s*)(\d+)(?:\.(\d+))?(\s*(?:%|[^\d\s%|()（）]{1,6}))$")


def _ocr_slip(match: re.Match, number: int, spaced: bool) -> str | None:
    """The ``number``-th target's figure with one of OCR's slips a reader can undo for certain: a zero read 〇 or O
    after a digit, a one read l or I beside another digit (a lone I次 may be a grade's letter), the decimal point read
    ，, a space in the figure."""
    lead, digits, decimals, tail = match.groups()
    point = "." + decimals if decimals else ""
    slips = ["〇O"[number // 4 % 2] if "0" in digits[1:] else None, "lI"[number // 4 % 2] if "1" in digits and len(digits) >= 2 else None,
             "，" if decimals else None, " " if spaced and len(digits) >= 2 else None]
    # (the slips in turn, from the number-th on: the first one the figure has room for)
    slip = next((slips[(number + i) % 4] for i in range(4) if slips[(number + i) % 4]), None)
    if slip in ("〇", "O"):
        at = digits.index("0", 1)
        return lead + digits[:at] + slip + digits[at + 1:] + point + tail
    if slip in ("l", "I"):
        return lead + digits.replace("1", slip, 1) + point + tail
    if slip == "，":
        return lead + digits + slip + decimals + tail
    return lead + digits[0] + " " + digits[1:] + point + tail if slip else None


def ocr_confusions(text: str, spaces: bool = True) -> str | None:
    """The targets as OCR reads a scanned table (the scanned PDFs county portals publish, read by the budget
    systems' and the browsers' OCR): 1〇0%, ≥9O%, ≥l2个, ≥99，5%, ≥9 5% — one slip a target, each one a reader can
    undo for certain (a letter between digits is no part of any figure's text). The target is a row's first figure
    in the indicator grid (a self-evaluation's completed value after it is compared as written); a space is slipped
    only into a row whose cells a pipe or a TAB separates (where single spaces separate cells it would split one), and
    none without ``spaces`` (a row whose cells are to run together, where a space may separate two of them)."""
    heading = _HEADING.search(text)
    if heading is None:
        return None
    start = text.rfind("\n", 0, heading.start()) + 1
    lines = text.split("\n")
    count = 0
    for index in range(text.count("\n", 0, start), len(lines)):
        cells, write = _line_cells(lines[index])
        at = next((i for i, cell in enumerate(cells) if _OCR_FIGURE.match(cell)), None)
        if len(cells) < 2 or at is None:
            continue
        slipped = _ocr_slip(_OCR_FIGURE.match(cells[at]), count, spaced=spaces and ("|" in lines[index] or "\t" in lines[index]))
        count += 1
        if slipped:
            lines[index] = write([*cells[:at], slipped, *cells[at + 1:]])
    variant = "\n".join(lines)
    return variant if variant != text else None


# the 指标性质 cell as OCR reads it from a narrow cell column by column, or out of order (性标定指, corpus 157)
_NATURE_CELL = re.compile(r"(?<![\u4e00-\u9fff])(定性|定量)指标(?![\u4e00-\u9fff])")
_SCRAMBLES = ("{1}标定指", "定指{1}标", "标{1}定指")  # {1}: 性 or 量


def scrambled_natures(text: str) -> str | None:
    """The 指标性质 column's cells (定性指标, 定量指标, a cell of their own) as OCR reads a narrow cell: its characters
    out of order (``性标定指``, ``定指性标``), one order a cell in turn, in the lines from the indicator heading on.
    The cell says nothing a reading keeps; the indicators read must not change."""
    heading = _HEADING.search(text)
    if heading is None:
        return None
    start = text.rfind("\n", 0, heading.start()) + 1
    count = 0

    def scramble(found: re.Match) -> str:
        nonlocal count
        count += 1
        return _SCRAMBLES[(count - 1) % len(_SCRAMBLES)].format("", found.group(1)[1])

    variant = text[:start] + _NATURE_CELL.sub(scramble, text[start:])
    return variant if variant != text else None


# -- the families of a grid written without its columns: the levels shown by indentation alone (family 5), the rows
# said in sentences under their level names (family 6) ----------------------------------------------------------

_GRID_LEVEL_HEADINGS = (("一级指标", "一级"), ("二级指标", "二级"), (*_NAME_HEADINGS, "三级"))
# the columns a plain goal grid may have after its indicator's name: the target's operator, the target, its unit,
# and notes that say nothing of it (a reading keeps none of them)
_GRID_ROLES = {"指标性质": "operator", "计算符号": "operator", "指标值类型": "operator", "指标值": "target",
               "年度指标值": "target", "目标值": "target", "度量单位": "unit", "计量单位": "unit", "备注": "note",
               "指标值内容": "note", "指标值说明": "note", "指标标准或依据": "note", "指标方向性": "note"}
_GRID_OPERATOR = re.compile(r"≥|≤|>=|<=|≧|≦|=|>|<|定性|定量")


def _goal_grid(text: str) -> tuple[int, int, str, list[tuple[str, str, str, str]]] | None:
    """A plain goal grid (一级指标 | 二级指标 | 三级指标 | 指标值, a 绩效指标 frame cell before them allowed, the
    target's operator and unit and notes after the name allowed): the line of its heading, the line of its last row,
    its value heading and its rows (一级, 二级, name, target with its operator and unit), a merged level cell standing
    for the rows below it. The grid ends at its total, a note, or the first row of another shape; None without two
    such rows (a self-evaluation's columns of what was done and its points have no such form)."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None:
        return None
    heading_at, heading, kind = rows[start]
    filled = [re.sub(r"\s+", "", cell) for cell in heading if cell]
    filled = filled[1:] if filled and _FRAME.fullmatch(filled[0]) else filled
    roles = [_GRID_ROLES.get(cell) for cell in filled[3:]]
    if len(filled) < 4 or None in roles or roles.count("target") != 1 or any(
            cell not in words for cell, words in zip(filled, _GRID_LEVEL_HEADINGS)):
        return None
    # (the cells a row must fill: up to the last of the target's parts; an empty note vanishes from a row's cells)
    needed = max(at for at, role in enumerate(roles) if role != "note") + 1
    by_line = {index: cells for index, cells, row_kind in rows if row_kind == kind}
    lines = text.split("\n")
    levels = ["", ""]
    found: list[tuple[str, str, str, str]] = []
    last = heading_at
    for index in range(heading_at + 1, len(lines)):
        if not lines[index].strip():
            continue
        cells = [cell for cell in by_line.get(index, []) if cell]
        if not cells or _GRID_END.match(cells[0]):
            break
        if _LEVEL1.fullmatch(cells[0]):
            levels = [cells.pop(0), ""]
        if cells and _LEVEL2.fullmatch(cells[0]):
            levels[1] = cells.pop(0)
        if not cells:
            last = index
            continue
        target = _grid_target(cells[1:], roles[:needed])
        if target is None or not all(levels) or _LEVEL1.fullmatch(cells[0]) or _LEVEL2.fullmatch(cells[0]):
            break
        found.append((*levels, cells[0], target))
        last = index
    return (heading_at, last, filled[3 + roles.index("target")], found) if len(found) >= 2 else None


def _grid_target(cells: list[str], roles: list[str]) -> str | None:
    """A row's target from its cells after the name in the columns ``roles``: the operator (a 定性 / 定量 nature
    says none), the target and the unit written together; None for a row of another shape."""
    if len(cells) < len(roles) or len(cells) > len(roles) + 2:
        return None
    parts = dict(zip(roles, cells))
    operator, unit = parts.get("operator", ""), parts.get("unit", "")
    if operator and not _GRID_OPERATOR.fullmatch(operator) or re.search(r"\d", unit) or len(unit) > 6:
        return None
    return ("" if operator in ("定性", "定量") else operator) + parts["target"] + unit


def indented_outline(text: str) -> str | None:
    """The grid as an outline whose levels only indentation shows (family 5, the Ningxia 项目绩效目标批复表 exported
    as a tree, 115): the heading's 项目 and value heading a line each, then each 一级 name indented three spaces,
    each 二级 four, each indicator five, its value on the line after it at the margin."""
    grid = _goal_grid(text)
    if grid is None:
        return None
    start, last, target_heading, rows = grid
    out = ["项目", target_heading]
    levels = ["", ""]
    for level1, level2, name, target in rows:
        if level1 != levels[0]:
            out.append("   " + level1)
        if (level1, level2) != tuple(levels):
            out.append("    " + level2)
        levels = [level1, level2]
        out += ["     " + name, target]
    lines = text.split("\n")
    return "\n".join([*lines[:start], *out, *lines[last + 1:]])


_NUMERALS = "一二三四五六七八九十"
_OPERATOR_START = re.compile(r"[≥≤><=≧≦]|\d")


def rows_as_prose(text: str) -> str | None:
    """The grid's rows said in sentences (family 6, the Ningxia 绩效目标设定 notices, 019, 127, 202): each 一级 name a
    numbered line (一、产出指标), each 二级 group a line of its indicators after its name and a colon, each indicator
    its name with its target after it (joined where the target opens with an operator or a count after a name
    that does not end in a figure, after a comma otherwise: 受益人数≥1200人, 完成时限，2023年12月底前), ；between them."""
    grid = _goal_grid(text)
    if grid is None:
        return None
    start, last, _, rows = grid
    out: list[str] = []
    groups = 0
    current: tuple[str, str] | None = None
    for level1, level2, name, target in rows:
        target = target.rstrip("。；;")  # (the sentence's stops are the prose's own)
        glued = (_OPERATOR_START.match(target) and not re.search(r"[\dA-Za-z]$", name)
                 and not re.search(r"[年月日]|\d[.\-/]\d+[.\-/]", target))  # (a date goes after a comma)
        said = (name if glued else name + "，") + target
        if current is None or level1 != current[0]:
            if current is not None:
                out[-1] += "。"
            out.append(f"{_NUMERALS[groups % len(_NUMERALS)]}、{level1}")
            groups += 1
        elif level2 != current[1]:
            out[-1] += "。"
        if (level1, level2) != current:
            out.append(f"{level2}：{said}")
        else:
            out[-1] += f"；{said}"
        current = (level1, level2)
    lines = text.split("\n")
    return "\n".join([*lines[:start], *out[:-1], out[-1] + "。", *lines[last + 1:]])


# -- the family of text taken out of document-sharing sites: a table's cells run together with no separator ------


def separators_removed(text: str) -> str | None:
    """Every table row's cells joined with no separator at all, row by row (``产出指标数量指标培训人次≥500人次``), as
    document-sharing sites extract a table: a pipe, TAB or spaced row becomes one line of its cells' texts run
    together (its empty cells vanish); a one-cell line is left as it is. Rows keep their lines."""
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        cells, _ = _line_cells(line)
        filled = [cell for cell in cells if cell]
        if len(filled) < 2:
            continue
        lines[index] = line[: len(line) - len(line.lstrip())] + "".join(filled)
        changed = True
    return "\n".join(lines) if changed else None


TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "pipes_to_tabs": pipes_to_tabs,
    "pipes_to_spaces": pipes_to_spaces,
    "pipes_to_columns": pipes_to_columns,
    "spaces_to_tabs": spaces_to_tabs,
    "spaces_to_pipes": spaces_to_pipes,
    "cell_per_line": cell_per_line,
    "wrapped_cells": wrapped_cells,
    "full_width": full_width,
    "page_chrome": page_chrome,
    "header_repeated": header_repeated,
    "blank_lines": blank_lines,
    "traditional": traditional,
    "remark_column": remark_column,
    "serial_column": serial_column,
    "target_heading": target_heading,
    "expected_heading": expected_heading,
    "performance_value_heading": performance_value_heading,
    "name_heading": name_heading,
    "specific_heading": specific_heading,
    "short_level_headings": short_level_headings,
    "operator_unit_columns": operator_unit_columns,
    "unit_column": unit_column,
    "level1_dropped": level1_dropped,
    "heading_two_lines": heading_two_lines,
    "thousands_separators": thousands_separators,
    "weight_column": weight_column,
    "levels_once": levels_once,
    "levels_repeated": levels_repeated,
    "long_term_column": long_term_column,
    "long_term_set": long_term_set,
    "money_headings_renamed": money_headings_renamed,
    "rate_as_fraction": rate_as_fraction,
    "rate_without_percent": rate_without_percent,
    "score_before_weight": score_before_weight,
    "total_in_prose": total_in_prose,
    "money_headings_two_rows": money_headings_two_rows,
    "money_units_in_headings": money_units_in_headings,
    "no_heading_row": no_heading_row,
    "columns_reordered": columns_reordered,
    "description_column": description_column,
    "ocr_confusions": ocr_confusions,
    "scrambled_natures": scrambled_natures,
    "separators_removed": separators_removed,
    "pinyin_glosses": pinyin_glosses,
    "indented_outline": indented_outline,
    "rows_as_prose": rows_as_prose,
}


def variants(text: str, names: list[str] | None = None,
             transforms: dict[str, Callable[[str], str | None]] = TRANSFORMS) -> dict[str, str]:
    """Every variant of ``text`` by ``transforms`` (or those of ``names``) that applies, by transformation name."""
    result = {}
    for name in names or transforms:
        variant = transforms[name](text)
        if variant is not None and variant != text:
            result[name] = variant
    return result

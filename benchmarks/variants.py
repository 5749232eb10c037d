"""Metamorphic variants of a goal document's text: the same table written in another form real publishers use.

Each transformation takes a document's text and returns it rewritten, or None where it does not apply (a pipe
layout cannot lose pipes it does not have). The table content is untouched, so a variant must read as its
original's golden; ``benchmarks/corpus_variants.py`` scores them.

The forms are those seen in published text: cells separated by TABs, pipes or runs of spaces; one cell per line
(a web table copied from the browser); a long cell wrapped onto a continuation line; full-width digits and
punctuation; page chrome around the table (site navigation, 打印本页, 来源, page numbers); the header
row printed again after a page break; blank lines between rows; Traditional characters; a trailing 备注 column
and a leading 序号 column.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


def traditional(text: str) -> str | None:
    """The text in Traditional characters (OpenCC s2t), as a Hong Kong or Taiwan page shows it."""
    import opencc

    return _changed(text, opencc.OpenCC("s2t").convert)


def _column_added(text: str, heading: str, cell: Callable[[int], str], front: bool) -> str | None:
    """A column added to the indicator table: ``heading`` on its heading row, ``cell(n)`` on the n-th row after."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None:
        return None
    lines = text.split("\n")
    for number, (index, cells, kind) in enumerate(rows[start:]):
        if kind != rows[start][2]:
            continue
        added = heading if number == 0 else cell(number)
        cells = [added, *cells] if front else [*cells, added]
        lines[index] = "| " + " | ".join(cells) + " |" if kind == "pipe" else "    ".join(c for c in cells if c)
    return "\n".join(lines)


def remark_column(text: str) -> str | None:
    """A trailing 备注 column, mostly empty, 无 on every third row."""
    return _column_added(text, "备注", lambda n: "无" if n % 3 == 0 else "", front=False)


def serial_column(text: str) -> str | None:
    """A leading 序号 column numbering the rows."""
    return _column_added(text, "序号", str, front=True)


TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "pipes_to_tabs": pipes_to_tabs,
    "pipes_to_spaces": pipes_to_spaces,
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
}


def variants(text: str, names: list[str] | None = None) -> dict[str, str]:
    """Every variant of ``text`` (or those of ``names``) that applies, by transformation name."""
    result = {}
    for name in names or TRANSFORMS:
        variant = TRANSFORMS[name](text)
        if variant is not None and variant != text:
            result[name] = variant
    return result

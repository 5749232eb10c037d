"""Text a PDF drew twice, as its text copy gives it back.

A word processor makes bold out of a font without a bold face by drawing each glyph twice, the second copy a
fraction of a point to the side, and some PDFs lay a second copy of their figures over the first. A text copy of
such a PDF reads the doubled parts twice, in one of two forms:

- character by character, when the copy is sorted by position (``绩绩效效目目标标``, ``≥≥1188户户``): a line, or a
  cell of a line, in which every character is followed by itself;
- figure by figure, when the copy keeps the PDF's drawing order (``7070 万元`` for 70, ``106.5106.5``,
  ``69.23%69.23%``, list numbers ``(1)(1)``).

Chinese doubles words on purpose (常常, 认认真真) and tables glue two equal cells (``100%100%``: a target and its
actual; ``2020``), so nothing is undone on a local look: only a document that shows the doubling where nothing
else explains it has its doubled parts read once. For characters that is a line of at least four pairs doubled
throughout, two of them Chinese; for figures, most of the figures that carry a decimal point, a percent sign or
a list number's brackets doubled, and three of them more than a percentage alone.
"""

from __future__ import annotations

import re

__all__ = ["undoubled"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_TWICE = re.compile(r"([\u4e00-\u9fff])\s*\1")  # what a line doubled throughout holds (绩绩, 绩 绩)
# a line doubled throughout that shows the document draws text twice (shorter runs are Chinese words: 认认真真)
_EVIDENT_PAIRS = 4
_EVIDENT_CJK_PAIRS = 2
_PAIRS = 2  # a cell of such a document doubled throughout (得得分分)
# a figure as a copy in drawing order repeats it: a list number, a decimal, a percentage, with the comma after it
# (its signs half-width or full-width, as a copy may print them)
_FIGURE = r"[(（]?\d+(?:\.\d+)?[)）]?[%％]?[,，]?"
_DOUBLED_FIGURE = re.compile(rf"(?<![\d.])({_FIGURE})\1(?![\d.%％])")
# figures one after another; each figure's whole number is taken whole (possessive: splitting it between two figures
# matches no other text, and trying every split of a long digit run took exponential time, a reader hang on a cell
# of 30 digits and a dot)
_MARKED_FIGURE = re.compile(r"(?<![\d.])(?:[(（]?\d++(?:\.\d+)?[)）]?[%％]?[,，]?)+(?![\d.%％])")
# a run of the characters figures are written with: a doubled figure lies inside one, and nothing else of the run's
# surroundings counts (the characters either side of a run are none of those the figure's look-arounds refuse)
_FIGURE_RUN = re.compile(r"[\d.()（）%％,，]{2,}")
# the longest run whose figures are looked at: a target and its actual run together are far shorter, and the time
# _MARKED_FIGURE takes still grows with each dot of a run that fails to match (1.11.11.1….)
_LONGEST_RUN = 32
_MARKED = re.compile(r"[.%％(（]")
_PERCENTAGE = re.compile(r"\d+(?:\.\d+)?[%％]")
_EVIDENT_FIGURES = 3
_DOUBLED_SHARE = 0.8
# a year (2020年) is its own figure even in a document that doubles its figures
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


def undoubled(text: str) -> str:
    """``text`` with what it shows drawn twice read once; ``text`` itself when it shows no such doubling."""
    # (each test is first asked of the whole text in one search for what it needs, a Chinese character or a figure
    # written twice in a row: a document doubling nothing seldom holds either, and testing them line by line and figure by figure is slow)
    if _CJK_TWICE.search(text):
        lines = text.split("\n")
        if any(_evident(line) for line in lines):
            text = "\n".join(_line_undoubled(line) for line in lines)
    runs = [run for run in _FIGURE_RUN.findall(text) if len(run) <= _LONGEST_RUN]
    if _has_doubled_figure(runs) and _figures_doubled(runs):
        text = _DOUBLED_FIGURE.sub(_figure_once, text)
    return text


def _has_doubled_figure(runs: list[str]) -> bool:
    """Whether one of a text's ``runs`` of figure characters holds a figure written twice in a row. (Asked of each run:
    the pattern opens with a look-behind, so searched over the whole text it is tried at every character, five times
    slower.)"""
    return any(_DOUBLED_FIGURE.search(run) for run in runs)


def _pairs(text: str) -> str | None:
    """``text`` read once when every character of it is doubled (``绩绩效效`` → ``绩效``), else None."""
    if len(text) % 2 or not text:
        return None
    once = text[::2]
    return once if once == text[1::2] else None


def _evident(line: str) -> bool:
    once = _pairs("".join(line.split()))
    return once is not None and len(once) >= _EVIDENT_PAIRS and len(_CJK.findall(once)) >= _EVIDENT_CJK_PAIRS


def _line_undoubled(line: str) -> str:
    """The line with every space-separated cell that is doubled throughout read once (a bold heading's cells beside
    a row's plain ones); a cell of digits alone stays (``1100`` is a figure)."""
    return re.sub(r"\S+", lambda match: _cell_once(match.group(0)), line)


def _cell_once(cell: str) -> str:
    once = _pairs(cell)
    if once is None or len(once) < _PAIRS or once.isdigit():
        return cell
    return once


def _figures_doubled(runs: list[str]) -> bool:
    """True when most figures with a decimal point, a percent sign or brackets are written twice in a row, and
    enough of them are no percentage alone: a run-together table glues a target and its equal actual into
    ``100%100%`` (corpus 134), never a list number into ``(1)(1)`` nor a figure and its comma into ``7.14%,7.14%,``."""
    marked = [match.group(0) for run in runs for match in _MARKED_FIGURE.finditer(run) if _MARKED.search(match.group(0))]
    doubled = [once.group(1) for figure in marked if (once := _DOUBLED_FIGURE.fullmatch(figure))]
    telling = sum(1 for once in doubled if not _PERCENTAGE.fullmatch(once))
    return telling >= _EVIDENT_FIGURES and len(doubled) >= _DOUBLED_SHARE * len(marked)


def _figure_once(match: re.Match[str]) -> str:
    if _YEAR.match(match.string, match.start()):
        return match.group(0)
    return match.group(1)

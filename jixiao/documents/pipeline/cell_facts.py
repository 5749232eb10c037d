"""What a line outside the tables says of the report or publication it stands in, found once per text.

Every line outside a grid (a title, a header-block cell, a paragraph, a row's cells joined) is asked whether it titles
a self-evaluation report, which year a publication's title states, which fund or project a title, a notice's sentence
or a section heading names, whether it heads the section on the goals set, which years of funds it passes down and on
which date's year its page says it was published. Header blocks and titles repeat from
sheet to sheet and file to file, so the answers are kept together in one :class:`CellFacts` per text, memoised
(bounded, like every memo of a cell's text), instead of each question being asked again of every line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jixiao.documents.interpret.goals_block import goals_section
from jixiao.documents.interpret.header_cells import (
    allotted_years,
    fund_heading,
    goals_heading,
    is_report_title,
    publication_year,
    published_year,
    report_name,
    said_project,
)
from jixiao.model.lexicon import TEXT_MEMO

__all__ = ["CellFacts", "cell_facts"]


@dataclass(frozen=True, slots=True)
class CellFacts:
    """The facts of one text outside the tables.

    ``report_title``: it titles a self-evaluation report; ``year``: the year a publication's or report's title states;
    ``name``: the fund a report's title or the project a notice's title or sentence names; ``fund``: the fund a
    numbered section heading names; ``project``: the project a heading of its goals names; ``goals``: what follows the
    heading of the section on the goals set ("" for the heading alone, None when the text is no such heading);
    ``allotted``: the years of the funds a notice's sentence passes down; ``published``: the year of the date a page's
    line says it published its document on."""

    report_title: bool
    year: int | None
    name: str | None
    fund: str | None
    project: str | None
    goals: str | None
    allotted: frozenset[int]
    published: int | None


@lru_cache(maxsize=TEXT_MEMO)
def cell_facts(text: str) -> CellFacts:
    """The :class:`CellFacts` of ``text``."""
    return CellFacts(
        report_title=is_report_title(text),
        year=publication_year(text),
        name=report_name(text) or said_project(text),
        fund=fund_heading(text),
        project=goals_heading(text),
        goals=goals_section(text),
        allotted=frozenset(allotted_years(text)),
        published=published_year(text),
    )

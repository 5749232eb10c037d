"""A stored sheet's span: the core's ``GoalSheet.period`` (项目期 / 实施期, its first and last year, and the whole
span's budget, 中期资金总额 with its parts) in the Sheet's ``period_*`` columns, as the year's budget is in its
``budget_*`` ones, so that the editor and the API change it, its history records it field by field and a stale save
of it is refused like any other field's.

What a span entered by a person may not be is the core's to say (``Period`` validated with
:data:`jixiao.model.ENTERED`: an end year before the start year); a span read from a document is kept as printed.
Whether the year's budget fits in the span's is the review's (JX706, JX944), not a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from jixiao.documents.interpret.header_cells import parse_span
from jixiao.model import ENTERED, Period
from jixiao.model.amounts import amount
from jixiao.scoring.messages import validation_reason
from jixiao.web.bounds import InvalidValue
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.sources import source_cells, sources_check, sources_of

__all__ = ["PERIOD_COLUMNS", "period_check", "period_errors", "period_fields", "period_of", "period_years"]

PERIOD_COLUMNS = ("period_text", "period_years", "period_start", "period_end", "period_total", "period_fiscal",
                  "period_other", "period_sources")
# Where each part of the core's Period stands among the columns (an error's location names the column).
_PLACES = {("text",): "period_text", ("years",): "period_years", ("start",): "period_start", ("end",): "period_end",
           ("budget", "total"): "period_total", ("budget", "fiscal"): "period_fiscal",
           ("budget", "other"): "period_other", ("budget", "sources"): "period_sources"}


def period_fields(period: Period | None) -> dict[str, object]:
    """The Sheet's period columns for the core's span; all empty for none."""
    period = period or Period()
    budget = period.budget
    return {"period_text": period.text or "", "period_years": period.years, "period_start": period.start,
            "period_end": period.end, "period_total": budget.total, "period_fiscal": budget.fiscal,
            "period_other": budget.other, "period_sources": source_cells(budget.sources)}


def period_of(columns: Mapping[str, object], context: dict | None = None) -> Period | None:
    """The core's span of the period ``columns`` (a stored sheet's, or values for them), validated as the core
    validates one in ``context``; None when they hold nothing."""
    data = {"text": columns["period_text"] or None, "years": columns["period_years"],
            "start": columns["period_start"], "end": columns["period_end"],
            "budget": {"total": amount(columns["period_total"]), "fiscal": amount(columns["period_fiscal"]),
                       "other": amount(columns["period_other"]), "sources": sources_of(columns["period_sources"])}}
    period = Period.model_validate(data, context=context)
    return None if period == Period() else period


def period_years(text: str, stored: Sheet) -> int | None:
    """How many years a 实施期 typed in the editor says the span runs (3年 is 3), as the reader reads a printed one;
    the stored count while the text is the stored one."""
    if text == stored.period_text:
        return stored.period_years
    found = parse_span(text) if text else None
    return found.years if found is not None else None


def period_errors(columns: Mapping[str, object]) -> list[tuple[str, str]]:
    """What makes the period ``columns`` no span a person may enter, as (column, reason in Chinese) pairs: the core's
    validation of an entered :class:`Period`."""
    try:
        period_of(columns, ENTERED)
    except ValidationError as error:
        return [(_PLACES.get(tuple(entry["loc"][:2]), "period_text"), validation_reason(entry))
                for entry in error.errors()]
    return []


def period_check(columns: Mapping[str, object]) -> None:
    """Refuse (:class:`InvalidValue` naming the field) period ``columns`` a person may not enter (:func:`period_errors`)
    or whose other sources are no budget's (:func:`jixiao.web.sheets.sources.sources_check`)."""
    sources_check(columns["period_sources"], "period_sources")
    for column, reason in period_errors(columns)[:1]:
        raise InvalidValue(column, f"“{Sheet._meta.get_field(column).verbose_name}”：{reason}")

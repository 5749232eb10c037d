"""Recording execution (执行情况): money spent to date and the value each indicator has reached."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel, Field, PositiveInt

__all__ = ["FundSource", "SpendingEntry", "CumulativeSpending", "IndicatorProgress", "ExecutionRecord"]


class FundSource(StrEnum):
    """Where money comes from, as the 预算规模 block splits it."""

    FISCAL = "财政资金"
    OTHER = "其他资金"


class SpendingEntry(BaseModel):
    """One payment: its date, amount (in the sheet's money unit) and fund source."""

    day: date
    amount: Decimal
    source: FundSource = FundSource.FISCAL
    note: str | None = None


class CumulativeSpending(BaseModel):
    """A cumulative figure as of a date (累计执行数), for one fund source or, with no source, for all of them."""

    as_of: date
    amount: Decimal = Field(ge=0)
    source: FundSource | None = None


class IndicatorProgress(BaseModel):
    """The value one indicator has reached by ``as_of`` (实际完成值), with a note on the evidence.

    ``indicator`` is the indicator's 1-based position in its sheet; ``name`` repeats its 三级指标 so that a
    mismatch between the record and the sheet can be reported.
    """

    indicator: PositiveInt
    name: str = ""
    as_of: date
    value: Decimal | None = None
    text: str | None = Field(default=None, description="A qualitative state reached, when no number applies")
    evidence: str | None = Field(default=None, description="佐证材料: where the value comes from")


_Dated = TypeVar("_Dated", CumulativeSpending, IndicatorProgress)


class ExecutionRecord(BaseModel):
    """Everything recorded for one approved sheet during the year. ``sheet`` is the sheet's key (code or name)."""

    sheet: str
    entries: list[SpendingEntry] = Field(default_factory=list)
    cumulative: list[CumulativeSpending] = Field(default_factory=list)
    progress: list[IndicatorProgress] = Field(default_factory=list)

    def spent_by(self, day: date) -> Decimal:
        """Money spent up to and including ``day``.

        The latest cumulative figure on or before ``day`` is the base and later entries are added to it. A
        figure for all sources together is used when it is at least as recent as every per-source figure;
        otherwise each fund source is summed on its own (its latest figure plus its later entries).
        """
        total = _latest(c for c in self.cumulative if c.source is None and c.as_of <= day)
        by_source = {s: _latest(c for c in self.cumulative if c.source is s and c.as_of <= day) for s in FundSource}
        dated = [c.as_of for c in by_source.values() if c is not None]
        if total is not None and all(total.as_of >= d for d in dated):
            return total.amount + sum((e.amount for e in self.entries if total.as_of < e.day <= day), Decimal(0))
        spent = Decimal(0)
        for source, base in by_source.items():
            start = base.as_of if base else date.min
            spent += (base.amount if base else Decimal(0)) + sum(
                (e.amount for e in self.entries if e.source is source and start < e.day <= day), Decimal(0)
            )
        return spent

    def progress_by(self, indicator: int, day: date) -> IndicatorProgress | None:
        """The latest progress recorded for the indicator at 1-based ``indicator`` on or before ``day``."""
        return _latest(p for p in self.progress if p.indicator == indicator and p.as_of <= day)


def _latest(items: Iterable[_Dated]) -> _Dated | None:
    return max(items, key=lambda item: item.as_of, default=None)

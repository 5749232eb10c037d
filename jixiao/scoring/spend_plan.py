"""The spending plan (资金支出计划) as a curve over the year: checkpoint labels to dates, linear in between.

The year starts at 0 % (the plan's zero point is 31 December of the previous year, so that a period ending on
31 March has 90 days elapsed and meets a ``3月底`` checkpoint exactly). Between checkpoints the planned share
grows linearly by calendar day; after the last checkpoint it stays at the last percent.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from decimal import Decimal

from jixiao.model import Checkpoint
from jixiao.model.finding import Phrase
from jixiao.model.lexicon import fold
from jixiao.model.numerals import CHINESE_DIGITS, chinese_to_decimal
from jixiao.scoring.target_rules import plain

__all__ = ["PlanError", "month_end", "year_start", "checkpoint_month", "planned_share"]

_MONTH = re.compile(rf"([0-9]{{1,2}}|[{CHINESE_DIGITS}]{{1,3}})月")
_QUARTER = re.compile(r"第?([1-4一二三四])季度")
_WORDS = {"上半年": 6, "年中": 6, "下半年": 12, "年底": 12, "年末": 12, "全年": 12}


class PlanError(ValueError):
    """A checkpoint label that names no month, or a plan that is not usable; ``phrase`` says why in Chinese, its
    labels kept as data (the error's text is the phrase rendered)."""

    def __init__(self, template: str, **params: str) -> None:
        self.phrase = Phrase(template, params)
        super().__init__(str(self.phrase))


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` in ``year``."""
    return date(year, month, calendar.monthrange(year, month)[1])


def year_start(year: int) -> date:
    """The plan's zero point: the last day of the previous year."""
    return date(year, 1, 1) - timedelta(days=1)


def checkpoint_month(label: str) -> int:
    """The month a checkpoint label means: 3月底 → 3, 十二月末 → 12, 第二季度 → 6, 上半年 → 6."""
    text = fold(label)
    if (found := _MONTH.search(text)) and 1 <= (month := _whole(found[1])) <= 12:
        return month
    if found := _QUARTER.search(text):
        return 3 * _whole(found[1])
    for word, month in _WORDS.items():
        if word in text:
            return month
    raise PlanError("资金支出计划的时间点“{label}”无法识别为月份（应写作“3月底”“6月底”等）", label=label)


def _whole(digits: str) -> int:
    return int(digits) if digits.isdigit() else int(chinese_to_decimal(digits) or 0)


def planned_share(plan: list[Checkpoint], day: date, year: int) -> tuple[Decimal, Phrase]:
    """The cumulative percent of the budget the plan expects spent by ``day``, and how it was found (a phrase whose
    figures stay figures, for a finding or, rendered, for a page)."""
    points = [(year_start(year), Decimal(0), "年初")]
    for checkpoint in plan:
        if checkpoint.percent is None:
            raise PlanError("资金支出计划“{label}”没有填写百分比", label=checkpoint.label)
        points.append((month_end(year, checkpoint_month(checkpoint.label)), checkpoint.percent, checkpoint.label))
    points.sort(key=lambda point: point[0])
    if len(points) == 1:
        raise PlanError("绩效目标表没有资金支出计划，无法计算计划进度")
    for (start, low, low_label), (end, high, high_label) in zip(points, points[1:]):
        if day == end:
            return high, Phrase("计划进度取“{label}”的 {share}%", {"label": high_label, "share": plain(high)})
        if start <= day < end:
            elapsed, span = (day - start).days, (end - start).days
            share = low + (high - low) * elapsed / span
            return share, Phrase("计划进度在“{low_label}”{low}% 与“{high_label}”{high}% 之间按天线性插值："
                                 "{low} + ({high} − {low}) × {elapsed}/{span}",
                                 {"low_label": low_label, "low": plain(low), "high_label": high_label,
                                  "high": plain(high), "elapsed": Decimal(elapsed), "span": Decimal(span)})
    last = points[-1]
    if day < points[0][0]:
        return Decimal(0), Phrase("期间早于年初，计划进度为 0%")
    return last[1], Phrase("已过最后一个时间点“{label}”，计划进度取 {share}%", {"label": last[2], "share": plain(last[1])})

"""A read made to stall at one row of a goal table, by the clock every read's deadline is kept on: how tests make the
time limit run out, in whichever step or process they read, without sleeping.

The clock moves only when the grid row holding ``cell`` is read, by more than the default time limit: the next check
of the deadline refuses the read, naming the row after it.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.documents import limits
from jixiao.documents.interpret.sheet_builder import SheetBuilder

# A small goal table whose rows are the text's lines 3 to 5.
SMALL_TABLE = """项目名称：乡镇环境治理经费
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 清运垃圾车次 | ≥18个 |
| 产出指标 | 质量指标 | 垃圾处理合格率 | 100% |
| 效益指标 | 社会效益指标 | 群众满意度 | ≥90% |
"""
SLOW_CELL = "清运垃圾车次"  # the cell of line 3: the read is refused at line 4
STALL = limits.DEFAULT_LIMITS.seconds + 1


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def stall_at(cell: str, patch: Callable[[object, str, object], None], seconds: float = STALL) -> _Clock:
    """Make every read stall ``seconds`` by its deadline's clock (the clock returned) on the grid row holding ``cell``;
    ``patch`` sets an attribute (``monkeypatch.setattr``, or ``setattr`` in a process of its own)."""
    clock = _Clock()
    patch(limits, "_now", clock)
    patch(limits, "_bound", clock)  # (the cheap clock the deadline asks first: it never runs slower than ``_now``)
    feed = SheetBuilder.feed_line

    def slow_feed(self, line) -> None:
        if any(token.text.strip() == cell for token in line.tokens):
            clock.now += seconds
        feed(self, line)

    patch(SheetBuilder, "feed_line", slow_feed)
    return clock

"""Stored figures rewritten once per write, however many of their inputs the write changes.

A unit's figures of a year (:mod:`jixiao.web.sheets.services.counts`, :mod:`jixiao.web.performance.figures`) are
recomputed from their inputs by a refresh function keyed by unit and year. A write that changes one input calls
:func:`refresh`, which recomputes at once; a write that changes many (an import of a thousand files, a bureau's
setting over every sheet of its year) runs inside :func:`refreshes_batched`, and each unit's year is recomputed
once at the end of the block, still inside the write's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

__all__ = ["refresh", "refreshes_batched"]

Refresh = Callable[[int, int], object]

# The refreshes asked for inside the current batch, in a dict used as an ordered set; None outside any batch.
_pending: ContextVar[dict[tuple[int, int, Refresh], None] | None] = ContextVar("jixiao_refreshes", default=None)


def refresh(function: Refresh, unit_id: int, year: int) -> None:
    """Recompute ``function(unit_id, year)`` now, or once at the end of the enclosing :func:`refreshes_batched`."""
    pending = _pending.get()
    if pending is None:
        with transaction.atomic():
            function(unit_id, year)
    else:
        pending[(unit_id, year, function)] = None


@contextmanager
def refreshes_batched() -> Iterator[None]:
    """Run the refreshes asked for inside the block once each when it ends (nothing when it raises). A block inside
    another leaves them to the outer one. Units are refreshed in the order of their ids, so two writers lock them
    in the same order."""
    if _pending.get() is not None:
        yield
        return
    pending: dict[tuple[int, int, Refresh], None] = {}
    token = _pending.set(pending)
    try:
        yield
        if not pending:  # e.g. a view that found no stale summary: no transaction, so no write lock
            return
        with transaction.atomic():
            while pending:  # a refresh may ask for another one (a summary rewritten asks for its unit's figures)
                key = min(pending, key=lambda k: (k[0], k[1], k[2].__qualname__))
                del pending[key]
                key[2](key[0], key[1])
    finally:
        _pending.reset(token)

"""Counting the audit's recomputations (:func:`jixiao.scoring.audit.recompute.recompute`) by sheet, wherever the
function was imported: a path that shows a sheet's recomputation beside its findings makes it once."""

from __future__ import annotations

import sys
from collections import Counter

import pytest


def recomputes_counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count, by sheet key, every call of ``recompute`` until the test ends (each module's name for it replaced)."""
    # The package re-exports the function under the submodule's own name: the module is taken from sys.modules.
    original = sys.modules["jixiao.scoring.audit.recompute"].recompute
    counts: Counter[str] = Counter()

    def counting(sheet, *args, **kwargs):
        counts[sheet.key] += 1
        return original(sheet, *args, **kwargs)

    for module in [m for name, m in list(sys.modules.items()) if name.startswith("jixiao")]:
        if getattr(module, "recompute", None) is original:
            monkeypatch.setattr(module, "recompute", counting)
    return counts

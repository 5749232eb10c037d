"""No module-level pattern of the reader or the review takes long on hostile text.

Python's ``re`` backtracks: a pattern whose quantifiers can split one run of characters several ways (``\\s*\\d*\\s*``
on spaces, ``(\\d+(\\.\\d+)?)+`` on ``1.11.11…``) takes polynomial or exponential time on a long run, and the deadline
of a read is checked between steps, never inside a search. So every compiled pattern found in the modules of
``jixiao.documents`` and ``jixiao.review`` is tried (``search`` and ``fullmatch``) on runs of the characters documents
are made of, each as a cell holds it (between two words: cells are stripped; or opened by a bracket, which a pattern's
optional opening takes) and, for the tokenizer's patterns that see raw lines, bare. Each is timed against a pattern that is quadratic on any text (``[\\s\\S]*\\x00``: every start,
the rest of the text), so the bound is a ratio, not a time: a search over every start position of a run is expected
(Python's ``re`` tries each), one that splits the run again at each is not.

No static ReDoS checker is used: none on PyPI is both maintained and more than a first release.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import jixiao.documents
import jixiao.review
from jixiao.documents.pipeline.doubled import _LONGEST_RUN

_LENGTH = 400
_RUNS = {
    "digits": "1" * _LENGTH,
    "digits and a dot": "1" * _LENGTH + ".",
    "1.1": "1.1" * (_LENGTH // 3),
    "1.11 and a dot": "1.11" * (_LENGTH // 4) + ".",
    "0.": "0." * (_LENGTH // 2),
    "1,": "1," * (_LENGTH // 2),
    "spaces": " " * _LENGTH,
    "TABs": "\t" * _LENGTH,
    "line breaks": "\n" * _LENGTH,
    "%": "%" * _LENGTH,
    "CJK": "指标" * (_LENGTH // 2),
    "CJK spaced": "指 " * (_LENGTH // 2),
    "CJK and digits": "个1" * (_LENGTH // 2),
    "bars": "|" * _LENGTH,
    "brackets": "(" * (_LENGTH // 2) + ")" * (_LENGTH // 2),
    "full-width brackets": "（" * _LENGTH,
    "dashes": "-" * _LENGTH,
    "≥": "≥" * _LENGTH,
    "letters": "a" * _LENGTH,
    "amounts": "12.5%万元 " * (_LENGTH // 8),
}
# patterns that see only text a caller has bounded: tried on runs of that length
_BOUNDED = {"jixiao.documents.pipeline.doubled._MARKED_FIGURE": _LONGEST_RUN}  # runs of figures
# patterns that see whole raw lines, not cells
_RAW = "jixiao.documents.pipeline.tokens."
_QUADRATIC = re.compile(r"[\s\S]*\x00")
# a pattern may take this many times what the quadratic one takes on the same text: a pattern with many alternatives,
# look-arounds and lazy runs is linear or quadratic with a large constant (a few hundred times), a run split three
# ways is cubic (thousands and more, growing with the length)
_BOUND = 5000


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for package in (jixiao.documents, jixiao.review):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            for name, value in vars(importlib.import_module(module.name)).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and id(value) not in found:
                    found[id(value)] = (f"{module.name}.{name}", value)
    return dict(found.values())


def _seconds(call, times: int) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(pattern: re.Pattern[str], text: str, times: int) -> float:
    taken = _seconds(lambda: (pattern.search(text), pattern.fullmatch(text)), times)
    return taken / max(_seconds(lambda: _QUADRATIC.search(text), times), 1e-7)


def test_the_patterns_are_found():
    patterns = _patterns()
    assert len(patterns) > 300 and "jixiao.documents.pipeline.doubled._DOUBLED_FIGURE" in patterns


def test_no_pattern_splits_a_long_run_of_hostile_text_many_ways():
    slow = []
    for name, pattern in _patterns().items():
        for run_name, run in _RUNS.items():
            run = run[: _BOUNDED.get(name, len(run))]
            for text in (f"甲{run}乙", f"({run}乙", *((run,) if name.startswith(_RAW) else ())):
                # timed once, and again (best of five) when over the bound: a busy machine slows one search
                if _ratio(pattern, text, 1) > _BOUND and (ratio := _ratio(pattern, text, 5)) > _BOUND:
                    slow.append(f"{name} on {run_name}: {ratio:.0f} times the quadratic pattern")
    assert not slow, slow

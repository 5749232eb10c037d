"""The options a form prints for the filler to choose one of (项目属性 延续项目 新增项目; 高中低; 是/否; 优/良/中/差),
read from ``data/options.toml``.

A sheet that leaves them whole chose none. The reader reads a header field's options (its option lists) and the
review reports a goal table's cell left holding a list (JX907): both ask here, so that one vocabulary serves both.
"""

from __future__ import annotations

import re
from functools import cache

from jixiao.model.lexicon import fold, load

__all__ = ["ENDS", "GRADES", "HEADER_OPTIONS", "RUN_TOGETHER", "whole_list"]


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


_DATA = load("options")
_SHORT = [tuple(fold(option) for option in options) for options in _DATA["short"]]
# The options of a header field printed as plain words: the header's own, and the short lists' (是 否; 高 中 低).
HEADER_OPTIONS = _folded(_DATA["header"]) | frozenset(option for options in _SHORT for option in options)
# A short list written as one word (高中低, 是否): its options.
RUN_TOGETHER = {"".join(options): options for options in _SHORT}
# The grades of one scale and the answers yes or no (优 良 中 差; 是 否): a 指标值 of these side by side is no choice.
GRADES = _folded(_DATA["grades"])
# The two ends of a scale and the yes and no (好 坏; 是 否): both written, none was chosen.
ENDS = tuple(_folded(ends) for ends in _DATA["ends"])


@cache
def _whole() -> re.Pattern[str]:
    lists = [*_SHORT, *(tuple(fold(option) for option in options) for options in _DATA["whole"])]
    return re.compile("^(?:" + "|".join("[/、]?".join(map(re.escape, options)) for options in lists) + ")$")


def whole_list(text: str) -> bool:
    """True when ``text`` (folded) is a template's option list printed whole, nothing chosen: 高中低, 高/中/低, 是/否,
    确定能、有可能、不可能."""
    return _whole().match(text) is not None

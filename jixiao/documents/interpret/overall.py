"""The unit's overall goals (部门整体绩效目标): aims, duties and measures in numbered prose."""

from __future__ import annotations

from functools import lru_cache

from jixiao.documents.interpret.text_lists import split_items
from jixiao.model import OverallGoals
from jixiao.model.lexicon import fold

__all__ = ["OverallGoalsBuilder"]

_SECTIONS = {
    "aims": ("总体绩效目标", "总体目标", "整体绩效目标", "年度总体目标"),
    "duties": ("分项绩效目标", "分项目标", "部门职责", "主要职责"),
    "measures": ("工作保障措施", "保障措施"),
}
_SKIP = ("部门整体绩效目标", "预算项目绩效目标", "第一部分", "第二部分")
_MAX_HEADING = 20


# Every paragraph outside a table is asked (about a dozen substring searches): short ones repeat across files.
@lru_cache(maxsize=4096)
def _section_named(key: str) -> str | None:
    """The section a heading's folded text names (the first section one of whose words it holds), or None."""
    for section, words in _SECTIONS.items():
        if any(word in key for word in words):
            return section
    return None


class OverallGoalsBuilder:
    """Collects paragraphs under the section headings of the overall-goals part."""

    def __init__(self) -> None:
        self.goals = OverallGoals()
        self._section: str | None = None

    def feed(self, text: str) -> bool:
        """Take one paragraph; return True if it belonged to the overall-goals part."""
        key = fold(text)
        if not key:
            return False
        section = self._heading(key)
        if section:
            self._section = section
            return True
        if len(key) <= _MAX_HEADING and any(word in key for word in _SKIP):
            return True
        if self._section is None:
            return False
        getattr(self.goals, self._section).extend(split_items(text))
        return True

    @staticmethod
    def _heading(key: str) -> str | None:
        return _section_named(key) if len(key) <= _MAX_HEADING else None

    def result(self) -> OverallGoals | None:
        """The goals found, or None if the document has no overall-goals part."""
        return None if self.goals.is_empty else self.goals

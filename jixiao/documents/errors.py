"""Errors that stop reading a file altogether."""

from __future__ import annotations

__all__ = ["NotAGoalDocument", "LimitExceeded"]


class NotAGoalDocument(Exception):
    """The file cannot be read as a goal document: unreadable, damaged, or holding no goal table.

    ``message`` is a complete Chinese sentence naming the file, fit to show a user as it is.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        self.message = f"{source}：{reason}"
        super().__init__(self.message)


class LimitExceeded(NotAGoalDocument):
    """The file goes over one of the reading limits (``limit`` names the field of ``ReadLimits``)."""

    def __init__(self, source: str, limit: str, reason: str) -> None:
        self.limit = limit
        super().__init__(source, reason)

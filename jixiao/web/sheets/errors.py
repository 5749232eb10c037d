"""Refusals a service raises, each with a Chinese message for the page, the form or the API."""

from __future__ import annotations

__all__ = ["ImportRefused", "SheetError", "StaleSheet", "WorkflowRefused"]


class SheetError(Exception):
    """A request the services refuse; ``message`` says why in one Chinese sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleSheet(SheetError):
    """The sheet changed since the user opened it; ``changes`` are the history entries made since."""

    def __init__(self, current_version: int, changes: list, user=None) -> None:
        own = bool(changes) and user is not None and all(change.user_id == user.pk for change in changes)
        if own:  # the same person saved from another tab or window: nobody else is involved
            message = (f"保存失败：您在另一个窗口或标签页中已经保存过这张表（现为第{current_version}版）。"
                       "为避免用这个页面的旧内容覆盖您刚保存的修改，请查看下列变化，重新打开后再修改。")
        else:
            message = (f"保存失败：您打开后，这张表已被他人修改（现为第{current_version}版）。"
                       "为避免覆盖他人的修改，请查看下列变化，重新打开后再修改。")
        super().__init__(message)
        self.current_version = current_version
        self.changes = changes


class WorkflowRefused(SheetError):
    """A workflow transition that is not possible now (wrong state, missing reason, blocking findings)."""


class ImportRefused(SheetError):
    """An import that cannot proceed; nothing was saved."""

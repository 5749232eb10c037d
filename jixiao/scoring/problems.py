"""Problems with the inputs to monitoring or scoring, named by sheet, indicator and field."""

from __future__ import annotations

from jixiao.model import GoalSheet
from jixiao.model.wording import Worded

__all__ = ["InputProblem", "ScoringInputError", "project_title"]


def project_title(sheet: GoalSheet) -> str:
    """How messages to a person name the project: its name, or its key when it has none."""
    return sheet.name or sheet.key


class InputProblem(Worded):
    """One thing wrong with or missing from what the preparer entered, its message as data (``template`` and
    ``params``, rendered as ``message``).

    ``indicator`` is the 1-based indicator position (None for sheet-level fields such as 全年执行数) and
    ``field`` the Chinese name of the field, so that a form or an .xlsx reader can point at the cell.
    """

    sheet: str
    indicator: int | None = None
    field: str | None = None


class ScoringInputError(Exception):
    """The inputs do not allow a score or a monitoring result to be computed."""

    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__("；".join(p.message for p in problems))
        self.problems = problems

"""A document: one file holding a unit's overall goals and any number of goal sheets."""

from __future__ import annotations

from pydantic import BaseModel, Field

from jixiao.model.diagnostic import Diagnostic
from jixiao.model.prose import ProseReport
from jixiao.model.sheet import GoalSheet, Unit

__all__ = ["OverallGoals", "Document", "Collection"]


class OverallGoals(BaseModel):
    """部门整体绩效目标: the unit's aims, duties and measures, each an ordered list of text."""

    aims: list[str] = Field(default_factory=list, description="总体绩效目标")
    duties: list[str] = Field(default_factory=list, description="分项绩效目标")
    measures: list[str] = Field(default_factory=list, description="工作保障措施")

    @property
    def is_empty(self) -> bool:
        """True when no part was found."""
        return not (self.aims or self.duties or self.measures)


class Document(BaseModel):
    """jixiao's interchange format: everything read from one file, with the reader's diagnostics."""

    source: str | None = None
    format: str | None = Field(default=None, description="txt, docx, xlsx, html, pdf or json")
    layout: str | None = Field(default=None, description="The layout the reader recognised")
    unit: Unit | None = None
    overall: OverallGoals | None = None
    sheets: list[GoalSheet] = Field(default_factory=list)
    prose: ProseReport | None = Field(
        default=None, description="What a report or notice says in prose (money, dates): the whole text of one with "
                                  "no indicator table, the lines outside the tables of one with tables")
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    kind: str | None = Field(
        default=None, description="What the tables are: goal (绩效目标表), self-eval (绩效自评表) or monitor (运行监控表)")
    unaccounted: int | None = Field(
        default=None, ge=0,
        description="Tokens inside table regions that the reader neither placed in a field, reported in a diagnostic "
                    "nor marked as page chrome (0 when every cell is accounted for); None when not read from a file")


class Collection(BaseModel):
    """The top-level JSON object of ``jixiao parse --format json``: several documents."""

    documents: list[Document] = Field(default_factory=list)

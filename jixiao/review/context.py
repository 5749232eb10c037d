"""What a rule sees: one sheet, the document it came from, the profile, and facts computed once per sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jixiao.model import Document, Framework, GoalSheet, Indicator, level2_parents
from jixiao.review.finding import Confidence
from jixiao.review.forms import FormProfile, load_form, recognise_form
from jixiao.review.lexicon import Kind, is_reverse, kind_of

if TYPE_CHECKING:
    from jixiao.review.profile import Profile

__all__ = ["Facts", "SheetContext"]

# An indicator read with less confidence than this had its cells placed by a guess (see Indicator.confidence).
GUESSED_BELOW = 0.75
# Reader diagnostics saying that the file ends inside this sheet's grid, before its end (documents/codes.py).
CUT_DIAGNOSTICS = ("P114", "P119", "P120")
# 成本指标 as a level 1 of its own (2021 framework) has no fixed place in the grid: first, or after 产出 or 满意度.
_COST_LEVELS = {"经济成本指标", "社会成本指标", "生态环境成本指标"}


@dataclass(frozen=True)
class Facts:
    """What an indicator measures, read once from its words.

    The name decides; the description is used only when the name says nothing (社会影响力 described as
    受援群众投诉率), and ``from_description`` records it so that findings can say they rest on an inference.
    """

    kind: Kind | None
    reverse: bool
    from_description: bool

    @classmethod
    def of(cls, indicator: Indicator) -> Facts:
        """Read the facts of ``indicator``."""
        kind = kind_of(indicator.name)
        reverse = is_reverse(indicator.name)
        from_description = False
        if kind is None and not reverse and indicator.description:
            kind = kind_of(indicator.description)
            reverse = is_reverse(indicator.description)
            from_description = kind is not None or reverse
        return cls(kind, reverse, from_description)


@dataclass
class SheetContext:
    """One sheet under review. ``shared`` holds results several rules reuse (e.g. the swapped rows)."""

    sheet: GoalSheet
    profile: Profile
    document: Document | None = None
    guessed_layout: bool = False
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str | None:
        """The file the sheet was read from."""
        return self.document.source if self.document else None

    @cached_property
    def form(self) -> FormProfile:
        """The form the sheet was written on: the profile's choice, else recognised from the sheet."""
        return recognise_form(self.sheet) if self.profile.form == "auto" else load_form(self.profile.form)

    @cached_property
    def framework(self) -> Framework:
        """The indicator framework that applies.

        A form that fixes it decides; otherwise the sheet's own placement of 成本指标 (a level 1 with 经济成本指标
        etc., or a level 2 under 产出指标), since many provinces' 2021–2025 forms keep the older placement; a sheet
        without any cost row follows the review profile (its choice, or the year).
        """
        if self.form.framework in ("legacy", "y2021"):
            return Framework(self.form.framework)
        if self.profile.framework != "auto":
            return Framework(self.profile.framework)
        new_levels = {"经济成本指标", "社会成本指标", "生态环境成本指标"}
        indicators = self.sheet.indicators
        if any(i.level2 in new_levels or (self.level1_of(i) == "成本指标") for i in indicators):
            return Framework.Y2021
        if any(i.level2 == "成本指标" and self.level1_of(i) == "产出指标" for i in indicators):
            return Framework.LEGACY
        return self.profile.framework_for(self.sheet.year)

    @property
    def standard_structure(self) -> bool:
        """False on forms with their own levels (投入/管理/产出目标), and on a source grid without any level column
        (a form that lists only 三级指标, such as Chongqing's 一般性项目 form): the standard structure is not checked."""
        if self.form.framework == "none":
            return False
        sheet = self.sheet
        level_columns = not sheet.form_fields or {"一级指标", "二级指标"} & set(sheet.form_fields)
        return bool(level_columns) or any(i.level1_raw.strip() or i.level2_raw.strip() for i in sheet.indicators)

    @cached_property
    def _facts(self) -> dict[int, Facts]:
        # Keyed by identity: the sheet is not modified while it is reviewed, and indicators need not be hashable.
        return {id(indicator): Facts.of(indicator) for indicator in self.sheet.indicators}

    @cached_property
    def _level1(self) -> dict[int, str | None]:
        # A merged 一级指标 cell may reach the model as an empty cell on its continuation rows: carry it down.
        carried: dict[int, str | None] = {}
        current = None
        for indicator in self.sheet.indicators:
            if indicator.level1 or indicator.level1_raw.strip():
                current = indicator.level1
            carried[id(indicator)] = current
        return carried

    @cached_property
    def cut(self) -> bool:
        """True when the reader says the file ends inside this sheet's grid, before its end (a partial copy)."""
        diagnostics = self.document.diagnostics if self.document else []
        return any(d.code in CUT_DIAGNOSTICS and d.location.sheet == self.sheet.key
                   and d.location.table in (None, self.sheet.table) for d in diagnostics)

    @cached_property
    def _last_place(self) -> int:
        # The furthest place in the standard grid order (产出: 数量 质量 时效 成本; 效益 …; 满意度) a row was read at.
        places = [self._place(self.level1_of(i), i.level2) for i in self.sheet.indicators
                  if not (self.level1_of(i) == "成本指标" or i.level2 in _COST_LEVELS)]
        return max((place for place in places if place is not None), default=-1)

    @staticmethod
    def _place(level1: str | None, level2: str | None) -> int | None:
        order = list(level2_parents(Framework.LEGACY).items())
        for index, (child, parent) in enumerate(order):
            if parent == level1 and (level2 is None or child == level2):
                return index
        return next((index for index, (child, _) in enumerate(order) if child == level2), None)

    def cut_off(self, level1: str, level2: str | None = None) -> bool:
        """True when the file cuts the grid off at or before the place of ``level1`` (``level2``): rows of it may
        follow the cut, so it cannot be judged missing or incomplete. 成本指标 as a level 1 may stand anywhere."""
        if not self.cut:
            return False
        if level1 == "成本指标" or level2 in _COST_LEVELS:
            return True
        place = self._place(level1, level2)
        return place is None or place >= self._last_place

    def level1_of(self, indicator: Indicator) -> str | None:
        """The indicator's 一级指标, carried down from the rows above when its own cell is empty (merged)."""
        return self._level1.get(id(indicator), indicator.level1)

    def fact(self, indicator: Indicator) -> Facts:
        """The facts of one indicator of this sheet."""
        return self._facts.get(id(indicator)) or Facts.of(indicator)

    def confidence(self, confidence: Confidence, indicator: Indicator | None = None) -> Confidence:
        """Lower ``confidence`` when the finding rests on a guessed layout: the indicator's cells (or, for a
        finding about the sheet, any indicator's cells) were placed by the reader's inference."""
        rows = [indicator] if indicator is not None else self.sheet.indicators
        guessed = any(row.confidence < GUESSED_BELOW for row in rows)
        return Confidence.GUESSED_LAYOUT if self.guessed_layout or guessed else confidence

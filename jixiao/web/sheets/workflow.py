"""The review workflow: states and the transitions between them, registered in one place with their labels.

草稿 → 已提交 → 已退回 / 已批复; 已退回 → 已提交 again; 已批复 → 草稿 through an adjustment (调整) with a reason.
Who may take a transition is decided by ``by``: the unit's editors (its preparers, the bureau's admins) or the
bureau's reviewers (reviewers and admins); see :mod:`jixiao.web.organisation.selectors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import can_edit_unit, can_review_unit
from jixiao.web.sheets.actions import ACTIONS
from jixiao.web.sheets.models import Sheet, Status

__all__ = ["FINDINGS_STANDING", "GRADES", "TRANSITIONS", "Transition", "transitions_available"]

GRADES = ("优", "良", "中", "差")


@dataclass(frozen=True)
class Transition:
    """A guarded move from one of ``sources`` to ``target``."""

    name: str
    sources: tuple[Status, ...]
    target: Status
    by: Literal["editor", "reviewer"]
    needs_reason: bool = False
    needs_grade: bool = False
    style: str = "primary"
    # What to ask before taking it on a sheet ("" to take it at once): the page's dialog and, without the page's
    # script, the confirmation page (jixiao.web.confirmation) ask the same.
    ask: Callable[[Sheet], str] | None = None

    @property
    def label(self) -> str:
        """The button and history label."""
        return ACTIONS[self.name]

    def allowed(self, member: Member | None, sheet: Sheet) -> bool:
        """True when ``member`` may take this transition on ``sheet`` now."""
        return sheet.deleted_at is None and sheet.status in self.sources and self.allowed_role(member, sheet)

    def allowed_role(self, member: Member | None, sheet: Sheet) -> bool:
        """True when ``member``'s role and unit let it take this transition on ``sheet`` in the right state."""
        check = can_edit_unit if self.by == "editor" else can_review_unit
        return check(member, sheet.unit_id)

    def question(self, sheet: Sheet) -> str:
        """What to ask before taking this transition on ``sheet``, or "" when it is taken without asking."""
        return self.ask(sheet) if self.ask else ""


def _submit_question(sheet: Sheet) -> str:
    # Errors do not stop a submission (only the profile's blocking rules do), but the bureau may return it for them.
    return f"这张表还有 {sheet.error_count} 项错误，提交后财政局可能退回。仍要提交？" if sheet.error_count else ""


def _approve_question(sheet: Sheet) -> str:
    return "批复后表格锁定，作为本年度的绩效目标随预算下达；此后只能通过调整批复修改。确定批复？"


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("submit", (Status.DRAFT, Status.RETURNED), Status.SUBMITTED, "editor", ask=_submit_question),
        Transition("return", (Status.SUBMITTED,), Status.RETURNED, "reviewer", needs_reason=True, style="warning"),
        Transition("approve", (Status.SUBMITTED,), Status.APPROVED, "reviewer", needs_grade=True,
                   ask=_approve_question),
        Transition("adjust", (Status.APPROVED,), Status.DRAFT, "editor", needs_reason=True, style="warning"),
    )
}


# What a sheet's findings mean for it in each state, said above them on its page: whether they stop a save or a
# submission follows the state (only a draft or a returned sheet is saved and submitted; the profile's blocking
# rules alone stop a submission).
FINDINGS_STANDING: dict[Status, str] = {
    Status.DRAFT: "系统按审核规则自动检查，仅供参考：不影响保存；除标明“须改正后才能提交”的以外，也不妨碍提交，"
                  "但财政局审核时可能据此退回。",
    Status.RETURNED: "系统按审核规则自动检查，仅供参考：表已退回，可修改保存后重新提交；审核发现不影响保存，"
                     "除标明“须改正后才能提交”的以外，也不妨碍提交。",
    Status.SUBMITTED: "系统按审核规则自动检查，供财政局审核时参考，不决定审核结果；表已提交，审核期间不能修改。",
    Status.APPROVED: f"系统按审核规则自动检查，仅供参考，不改变批复；表已批复并锁定，须“{ACTIONS['adjust']}”后才能修改。",
}


def transitions_available(member: Member | None, sheet: Sheet) -> list[Transition]:
    """The transitions ``member`` may take on ``sheet`` now, in registration order."""
    return [t for t in TRANSITIONS.values() if t.allowed(member, sheet)]

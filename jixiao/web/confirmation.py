"""Asking before an irreversible or workflow step, whether or not the page's script has run.

A form marked ``data-confirm="…"`` asks in a dialog (``static/jixiao/forms.js``), which sends the form with the
field ``confirmed=1`` once answered. A POST without that field — the script not yet loaded on a slow network, or
blocked by policy — is answered with a page asking the same question (:func:`ask_first`), after the same checks of
who may take the step, so only a POST carrying the field takes it. The page posts the form's fields back with the
field added; 取消 is a link back, so nothing is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

__all__ = ["CONFIRMED", "Confirmation", "ask_first"]

CONFIRMED = "confirmed"  # the field forms.js adds once the dialog is answered 确定

# Fields not posted back from the page: its own token replaces the form's, and the flag is added by the page.
_NOT_REPEATED = frozenset({CONFIRMED, "csrfmiddlewaretoken"})


@dataclass(frozen=True)
class Confirmation:
    """What the page asks: the step (``action``, its heading), the dialog's ``question`` (saying what will happen),
    what it acts on as (label, value) ``facts`` (the sheet, its unit and year …) and where 取消 leads (``back``)."""

    action: str
    question: str
    facts: tuple[tuple[str, str], ...]
    back: str
    danger: bool = False


def ask_first(request: HttpRequest, confirmation: Callable[[], Confirmation | None]) -> HttpResponse | None:
    """The confirmation page for a POST without the ``confirmed`` flag, or None when the step may be taken now.

    ``confirmation`` is called only when the flag is missing; it makes the checks the step itself makes (raising
    what the step raises, so a refusal is the same refusal, recorded alike) and says what to ask, or None when
    nothing needs asking (a submission without errors). The view calls this after its own checks and before
    writing anything."""
    if request.POST.get(CONFIRMED) == "1":
        return None
    asked = confirmation()
    if asked is None:
        return None
    fields = [(name, value) for name, values in request.POST.lists() if name not in _NOT_REPEATED
              for value in values]
    return render(request, "confirm.html", {"confirmation": asked, "fields": fields, "flag": CONFIRMED})

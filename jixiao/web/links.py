"""Links and options for long lists, built once per page rather than once per row by the template engine."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

__all__ = ["id_url", "unit_options"]

# A database id no row has in practice: it only marks where the id goes in the reversed URL, and being a valid id
# it matches the ``<id:pk>`` converter.
_MARK = "918273645546372819"


def id_url(name: str) -> Callable[[int], str]:
    """``pk -> reverse(name, args=[pk])`` for a URL whose only argument is an id: the pattern is reversed once and
    each row's link is a concatenation, with the same text as the ``{% url %}`` tag would give."""
    head, tail = reverse(name, args=[_MARK]).split(_MARK)
    return lambda pk: f"{head}{pk}{tail}"


def unit_options(units: Iterable[tuple[int, str]], selected: int | None) -> SafeString:
    """The ``<option>`` elements of a unit filter from ``(pk, name)`` pairs, escaped, with the same markup as the
    template's loop gave (``value`` then a space, then ``selected`` on the chosen one)."""
    return format_html_join("", '<option value="{}" {}>{}</option>',
                            ((pk, "selected" if pk == selected else "", name) for pk, name in units))

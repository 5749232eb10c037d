"""Paging a list whose length is already known from stored figures."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CountedPaginator(Paginator):
    """Django's paginator, told the list's length instead of counting the rows (``count=None``: it counts)."""

    def __init__(self, object_list, per_page, *, count: int | None) -> None:
        super().__init__(object_list, per_page)
        self._known = count

    @cached_property
    def count(self) -> int:
        """The number of items: the one given, else the rows counted."""
        return super().count if self._known is None else self._known

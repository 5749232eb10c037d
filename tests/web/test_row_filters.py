"""The filters of long lists' rows (jixiao/web/sheets/templatetags/rows.py) show what Django's general filters
showed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.template import engines
from django.utils import timezone


@pytest.mark.parametrize("value", [
    datetime(2026, 12, 31, 16, 5, tzinfo=UTC),  # the next day and year in the bureau's time zone
    datetime(2026, 3, 1, 0, 0, tzinfo=UTC),
    datetime(2026, 7, 9, 23, 59, 59, tzinfo=UTC),
    None,
])
def test_row_times_are_shown_as_django_shows_them(value):
    """The lists' and history's fast filter gives what ``date:"m-d H:i"`` gave, in the current time zone."""
    context = {"value": value}
    fast = engines["django"].from_string("{% load rows %}{{ value|month_day_time }}").render(context)
    assert fast == engines["django"].from_string('{{ value|date:"m-d H:i" }}').render(context)
    assert fast == ("" if value is None else timezone.localtime(value).strftime("%m-%d %H:%M"))

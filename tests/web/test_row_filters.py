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


@pytest.mark.parametrize("separators", [False, True])
@pytest.mark.parametrize("value", [0, 7, 1234, 1234567])
def test_counts_are_shown_as_django_localises_them(settings, value, separators):
    settings.USE_THOUSAND_SEPARATOR = separators
    context = {"value": value}
    fast = engines["django"].from_string("{% load rows %}{{ value|count }}").render(context)
    assert fast == engines["django"].from_string("{{ value }}").render(context)
    assert separators or fast == str(value)


@pytest.mark.parametrize("errors, warnings", [(0, 0), (2, 0), (0, 3), (2, 3)])
def test_a_sheets_problems_are_shown_as_the_template_showed_them(errors, warnings):
    """The lists' and the import preview's tag gives what the template it replaced gave."""
    context = {"errors": errors, "warnings": warnings}
    fast = engines["django"].from_string("{% load rows %}{% problems errors warnings %}").render(context)
    old = ('{% if errors %}<span class="sev error">错误 {{ errors }}</span>{% endif %}{% if warnings %} '
           '<span class="sev warning">警告 {{ warnings }}</span>{% endif %}{% if not errors and not warnings %}'
           '<span class="muted">无</span>{% endif %}')
    assert fast == engines["django"].from_string(old).render(context)
    assert ("错误 2" in fast) == bool(errors) and ("警告 3" in fast) == bool(warnings) and ("无" in fast) != bool(
        errors or warnings)

"""Which year a page opens on: goal sheets on the budget year being prepared, monitoring and self-evaluation on the
year whose money is being spent or was just spent."""

from datetime import date

import pytest

from jixiao.web.sheets import selectors


@pytest.mark.parametrize(("today", "budget", "evaluated"), [
    (date(2026, 1, 15), 2026, 2025),   # self-evaluations of 2025 are being made
    (date(2026, 6, 30), 2026, 2025),
    (date(2026, 7, 1), 2026, 2026),    # the mid-year monitoring of 2026
    (date(2026, 9, 30), 2026, 2026),
    (date(2026, 10, 1), 2027, 2026),   # 2027's goal sheets are prepared while 2026 is still being spent
    (date(2026, 12, 4), 2027, 2026),
])
def test_budget_and_evaluation_years(monkeypatch, today, budget, evaluated):
    monkeypatch.setattr(selectors.timezone, "localdate", lambda: today)
    assert (selectors.budget_year(), selectors.evaluation_year()) == (budget, evaluated)


@pytest.mark.parametrize(("today", "approved_years"), [
    (date(2026, 12, 4), [2026, 2027]),  # the budget year's sheet is published; the year under way's is monitored
    (date(2026, 8, 4), [2026]),
])
def test_the_demo_has_a_project_on_the_pages_each_year_opens_on(db, monkeypatch, today, approved_years):
    from django.test import Client

    from jixiao.web.demo import demo_create
    from jixiao.web.organisation.models import Member
    from jixiao.web.sheets.models import Sheet, Status
    monkeypatch.setattr(selectors.timezone, "localdate", lambda: today)
    demo_create("Demo-pass-2026!")
    approved = Sheet.objects.filter(status=Status.APPROVED).order_by("year")
    assert [s.year for s in approved] == approved_years and len({s.name for s in approved}) == 1
    client = Client()
    client.force_login(Member.objects.get(user__username="reviewer").user)
    overview = client.get("/performance/")
    assert overview.context["year"] == 2026
    assert [row.sheet_id for row in overview.context["rows"]] == [approved[0].pk]

"""A bureau's setting change recomputes its year's summaries before it takes the write lock, then stores them with
the setting in one short transaction: an edit saved while they were computed, or another setting saved meanwhile,
is not overwritten by the values computed before it; a refresh that failed to store leaves the setting as it was."""

from datetime import date
from decimal import Decimal

import pytest

from jixiao.web.performance import services, summaries
from jixiao.web.performance.models import BureauSetting, Summary
from jixiao.web.performance.selectors import sheet_year
from jixiao.web.performance.summaries import summaries_refresh, summary_fields
from jixiao.web.sheets.models import Sheet
from tests.web.performance.test_summaries import configure, spend


def _stored_and_fresh(sheet: Sheet) -> tuple[dict, dict]:
    sheet = Sheet.objects.select_related("unit").get(pk=sheet.pk)
    fresh = summary_fields(sheet_year(sheet))
    stored = Summary.objects.get(sheet=sheet)
    return {name: getattr(stored, name) for name in fresh}, fresh


def _computing_then(module, action, monkeypatch) -> list:
    """Make ``module.summaries_computed`` run ``action()`` once it has computed (as another person's write saved
    meanwhile would); returns the list the computed summaries are put in."""
    real, seen = summaries.summaries_computed, []

    def computed_then_action(sheets, seasons=None):
        seen.extend(real(sheets, seasons))
        action()
        return list(seen)

    monkeypatch.setattr(module, "summaries_computed", computed_then_action)
    return seen


def test_an_edit_saved_while_a_setting_change_computes_is_not_overwritten(org, approved, monkeypatch):
    computed = _computing_then(services, lambda: spend(org, approved, Decimal("9"), date(2026, 5, 1)), monkeypatch)
    configure(org, approved, "hubei", date(2026, 9, 30))
    stored, fresh = _stored_and_fresh(approved)
    assert stored == fresh and fresh["period_end"] == date(2026, 9, 30)
    before_the_edit = computed[0].fields
    assert {name: before_the_edit[name] for name in fresh} != fresh  # the value computed before was not written


def test_a_setting_saved_while_summaries_are_refreshed_is_not_overwritten(org, approved, monkeypatch):
    _computing_then(summaries, lambda: configure(org, approved, "hubei", date(2026, 9, 30)), monkeypatch)
    assert summaries_refresh(Sheet.objects.filter(pk=approved.pk)) == 1
    stored, fresh = _stored_and_fresh(approved)
    assert stored == fresh and stored["period_end"] == date(2026, 9, 30)


def test_a_setting_whose_summaries_cannot_be_stored_is_not_saved(org, approved, monkeypatch):
    def refused(computed):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(services, "summaries_store", refused)
    with pytest.raises(RuntimeError):
        configure(org, approved, "hubei", date(2026, 9, 30))
    assert not BureauSetting.objects.exists()
    stored, fresh = _stored_and_fresh(approved)
    assert stored == fresh and stored["period_end"] == date(2026, 6, 30)

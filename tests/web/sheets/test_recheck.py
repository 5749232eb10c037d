"""After an upgrade changes the rules, stored reviews are brought up to date (``jixiao serve`` queues it,
``jixiao recheck`` runs it): sheets being prepared or reviewed are reviewed again with a history entry when what
they show changed; approved ones keep the review their reviewer signed and say that the rules changed since.

The "new release" here lowers JX103 (no 满意度/效益 level-1 indicator…: the test sheet lacks 效益指标) from error
to warning, so the test sheet's grade moves from 中 (capped by the error) to 良.
"""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django_tasks.backends.database.models import DBTaskResult

from jixiao.model import Severity
from jixiao.review import by_code
from jixiao.scoring.fingerprint import scoring_fingerprint
from jixiao.web.organisation.services import token_create
from jixiao.web.security.models import AuditEvent
from jixiao.web.sheets.models import HistoryEntry, Sheet, UnitYearCounts
from jixiao.web.sheets.services import recheck as recheck_module
from jixiao.web.sheets.services.findings import sheet_review
from jixiao.web.sheets.services.recheck import recheck_enqueue, recheck_task, sheets_recheck
from jixiao.web.sheets.services.review import current_fingerprint
from jixiao.web.sheets.services.sheets import sheet_create, sheet_update
from tests.web.conftest import approve, small_sheet


@pytest.fixture
def new_rules(monkeypatch):
    """The rules of a newer release: JX103 is a warning."""
    monkeypatch.setattr(type(by_code("JX103")), "severity", Severity.WARNING)
    current_fingerprint.cache_clear()
    yield
    current_fingerprint.cache_clear()  # before monkeypatch puts the severity back


def _reload(sheet) -> Sheet:
    return Sheet.objects.get(pk=sheet.pk)


def _rechecks(sheet) -> list[HistoryEntry]:
    return list(HistoryEntry.objects.filter(sheet=sheet, action="recheck").order_by("id"))


def test_the_fingerprint_is_stored_with_every_review(sheet):
    assert sheet.review_fingerprint == current_fingerprint() and sheet.review_fingerprint.startswith("0.")


def test_a_stale_draft_is_reviewed_again_with_a_history_entry(org, sheet, new_rules):
    assert (sheet.suggested_grade, sheet.error_count, sheet.warning_count) == ("中", 1, 3)
    version = sheet.version
    summary = sheets_recheck()
    assert (summary.checked, summary.changed, summary.skipped, summary.failed) == (1, 1, 0, 0)
    sheet = _reload(sheet)
    fresh = sheet_review(sheet)
    assert (sheet.suggested_grade, sheet.error_count, sheet.warning_count) == ("良", 0, 4) == (
        fresh.grade, fresh.errors, fresh.warnings)
    assert sheet.grade_explanation == fresh.explanation and "→ 良" in sheet.grade_explanation
    assert "JX103" not in sheet.grade_explanation.split("→")[1]  # no longer capped by JX103
    assert sheet.review_fingerprint == current_fingerprint()
    assert sorted(sheet.findings.values_list("severity", flat=True)) == ["warning"] * 4
    assert sheet.version == version  # the content did not change: an editor opened before still saves
    verdict, explanation = _rechecks(sheet)
    assert verdict.user is None and verdict.version == version
    assert verdict.field.startswith("建议等级与审核发现（jixiao ")
    assert verdict.old == "中（81 分）；错误 1 项、警告 3 项、提示 0 项"
    assert verdict.new == "良（88 分）；错误 0 项、警告 4 项、提示 0 项"
    assert (explanation.field, explanation.new) == ("建议等级的计算", sheet.grade_explanation)
    counts = UnitYearCounts.objects.get(unit=org["township"], year=2026)
    assert counts.findings["JX103"] == {"warning": 1}  # the dashboard's figures follow
    event = AuditEvent.objects.get(action="reviews_rechecked")
    assert event.details["checked"] == 1 and event.details["changed"] == 1


def test_the_sheet_page_shows_the_recheck_as_a_system_change(org, sheet, new_rules, login):
    owner = login(org["owner"])
    assert 'id="recheck-pending"' in owner.get(f"/sheets/{sheet.pk}/").content.decode()
    sheets_recheck()
    page = owner.get(f"/sheets/{sheet.pk}/").content.decode()
    assert "规则更新后重新复核" in page and "<td>系统</td>" in page
    assert 'id="recheck-pending"' not in page and 'id="rules-changed"' not in page


def test_a_review_stored_before_the_explanation_column_gets_one(sheet):
    Sheet.objects.filter(pk=sheet.pk).update(grade_explanation="", review_fingerprint="")
    summary = sheets_recheck()
    assert (summary.checked, summary.changed) == (1, 1)
    sheet = _reload(sheet)
    assert sheet.grade_explanation == sheet_review(sheet).explanation != ""
    (entry,) = _rechecks(sheet)  # the findings and grade did not change: only the explanation is new
    assert (entry.field, entry.old, entry.new) == ("建议等级的计算", "", sheet.grade_explanation)


def test_an_approved_sheet_keeps_its_signed_review_and_says_the_rules_changed(org, approved, new_rules, login):
    signed = list(approved.findings.values_list("data", flat=True))
    summary = sheets_recheck()
    assert (summary.checked, summary.changed) == (0, 0)
    approved = _reload(approved)
    assert (approved.suggested_grade, approved.grade, approved.error_count) == ("中", "良", 1)
    assert list(approved.findings.values_list("data", flat=True)) == signed and not _rechecks(approved)

    reviewer = login(org["reviewer"])
    page = reviewer.get(f"/sheets/{approved.pk}/").content.decode()
    assert 'id="rules-changed"' in page and "以下审核发现和系统建议等级仍是批复时的结果" in page
    assert 'href="?rules=current#current-rules"' in page and 'id="current-rules"' not in page
    current = reviewer.get(f"/sheets/{approved.pk}/?rules=current").content.decode()
    assert 'id="current-rules"' in current
    assert "批复时：中（81 分）；错误 1 项、警告 3 项、提示 0 项" in current
    assert "现行规则：<strong>良（88 分）；错误 0 项、警告 4 项、提示 0 项</strong>" in current
    assert _reload(approved).suggested_grade == "中"  # shown, not stored

    preparer = login(org["owner"]).get(f"/sheets/{approved.pk}/?rules=current").content.decode()
    assert 'id="rules-changed"' in preparer and 'id="current-rules"' not in preparer  # the reviewers' tool


def test_an_approved_sheet_under_the_current_rules_shows_no_notice(org, approved, login):
    page = login(org["reviewer"]).get(f"/sheets/{approved.pk}/").content.decode()
    assert 'id="rules-changed"' not in page


def test_include_approved_reviews_approved_sheets_again_in_their_history(org, approved, new_rules, login):
    summary = sheets_recheck(include_approved=True)
    assert (summary.checked, summary.changed) == (1, 1)
    approved = _reload(approved)
    assert (approved.status, approved.grade, approved.suggested_grade) == ("approved", "良", "良")
    assert _rechecks(approved)[0].new == "良（88 分）；错误 0 项、警告 4 项、提示 0 项"
    page = login(org["reviewer"]).get(f"/sheets/{approved.pk}/").content.decode()
    assert 'id="rules-changed"' not in page


def test_a_second_run_changes_nothing(sheet, new_rules):
    sheets_recheck()
    entries = HistoryEntry.objects.count()
    summary = sheets_recheck()
    assert (summary.checked, summary.changed) == (0, 0) and HistoryEntry.objects.count() == entries


def test_a_stale_fingerprint_with_the_same_review_records_only_the_fingerprint(sheet):
    Sheet.objects.filter(pk=sheet.pk).update(review_fingerprint="0.0.1/0000000000000000")
    summary = sheets_recheck()
    assert (summary.checked, summary.changed) == (1, 0)
    assert _reload(sheet).review_fingerprint == current_fingerprint() and not _rechecks(sheet)


@pytest.fixture
def two_more(org, sheet):
    """Two more drafts of the owner's unit, stored under the release before (ask for it before ``new_rules``)."""
    return [sheet_create(user=org["owner"], unit=org["township"], year=2026, content=small_sheet(name))
            for name in ("第二个项目", "第三个项目")]


def test_a_failed_batch_changes_nothing_and_is_logged_while_the_next_batch_goes_on(sheet, two_more, new_rules,
                                                                                 monkeypatch, caplog):
    second, third = two_more
    store = recheck_module.review_replace

    def failing_on_the_second(stale, outcome):
        if stale.pk == second.pk:
            raise RuntimeError("disk full")
        store(stale, outcome)

    monkeypatch.setattr(recheck_module, "review_replace", failing_on_the_second)
    with caplog.at_level(logging.ERROR, logger=recheck_module.__name__):
        summary = sheets_recheck(batch=2)
    assert (summary.checked, summary.changed, summary.failed) == (1, 1, 2)
    for unchanged in (sheet, second):  # the first sheet of the failed batch was stored, then rolled back
        unchanged = _reload(unchanged)
        assert (unchanged.suggested_grade, unchanged.error_count) == ("中", 1) and not _rechecks(unchanged)
        assert unchanged.review_fingerprint != current_fingerprint()
        assert unchanged.findings.filter(rule="JX103", severity="error").exists()
    assert _reload(third).suggested_grade == "良" and _rechecks(third)
    assert f"sheets {sheet.pk}–{second.pk} failed" in caplog.text and "disk full" in caplog.text


def test_a_sheet_edited_while_being_reviewed_keeps_its_edit_and_its_own_review(org, sheet, new_rules, monkeypatch):
    review = recheck_module.sheet_review

    def edited_meanwhile(stale):
        outcome = review(stale)
        sheet_update(user=org["owner"], sheet_id=stale.pk, expected_version=stale.version, fields={"name": "改过的名称"})
        return outcome

    monkeypatch.setattr(recheck_module, "sheet_review", edited_meanwhile)
    summary = sheets_recheck()
    assert (summary.checked, summary.skipped) == (0, 1)
    edited = _reload(sheet)
    assert edited.name == "改过的名称" and edited.version == sheet.version + 1
    assert edited.review_fingerprint == current_fingerprint() and edited.suggested_grade == "良"  # the edit's review
    assert not _rechecks(edited)


def test_two_rechecks_at_once_record_the_change_once(sheet, new_rules, monkeypatch):
    review = recheck_module.sheet_review
    other = {}

    def another_recheck_meanwhile(stale):  # a second worker's recheck, done while this one reviews
        if not other:
            other["started"] = True
            other["summary"] = sheets_recheck()
        return review(stale)

    monkeypatch.setattr(recheck_module, "sheet_review", another_recheck_meanwhile)
    summary = sheets_recheck()
    assert (other["summary"].checked, other["summary"].changed) == (1, 1)
    assert (summary.checked, summary.skipped) == (0, 1)
    assert len(_rechecks(sheet)) == 2  # the verdict and the explanation, once each


def test_serve_queues_one_recheck_task_when_a_draft_is_stale(sheet, approved_other, new_rules):
    assert recheck_enqueue() == (1, 0)  # the draft; the approved sheet is left to its reviewer
    assert recheck_enqueue() == (1, 0)
    (queued,) = DBTaskResult.objects.filter(task_path=recheck_task.module_path)
    assert queued.status == "READY"
    assert recheck_task.call() == {"checked": 1, "changed": 1, "skipped": 0, "failed": 0, "summaries": 0}
    assert recheck_enqueue() == (0, 0)


def test_serve_queues_nothing_when_every_review_is_current(sheet):
    assert recheck_enqueue() == (0, 0) and not DBTaskResult.objects.exists()


def test_summaries_computed_by_other_scoring_code_are_computed_again(approved_other):
    # an upgrade changes what monitoring gives (this release switched off the uncited monthly floors): the stored
    # light of an approved sheet must not keep saying what the old code said
    from jixiao.web.performance.models import Summary
    from jixiao.web.performance.selectors import sheet_year
    from jixiao.web.performance.summaries import summary_fields

    stored = Summary.objects.get(sheet=approved_other)
    assert stored.computed_with == scoring_fingerprint()
    Summary.objects.filter(pk=stored.pk).update(computed_with="0.0.9/0123456789abcdef", light="red",
                                                warnings=["执行率 0% 低于 4月底应达到的 25%"])
    assert recheck_enqueue() == (0, 1)
    assert recheck_task.call()["summaries"] == 1
    stored.refresh_from_db()
    fresh = summary_fields(sheet_year(approved_other))
    assert (stored.computed_with, stored.light, stored.warnings) == (scoring_fingerprint(), fresh["light"],
                                                                     fresh["warnings"])
    assert recheck_enqueue() == (0, 0)


@pytest.fixture
def approved_other(org):
    """An approved sheet beside the draft, stored under the release before (ask for it before ``new_rules``)."""
    other = sheet_create(user=org["owner"], unit=org["township"], year=2026, content=small_sheet("已批复的项目"))
    return approve(org, other)


def test_the_command_prints_how_many_sheets_changed(org, sheet, approved_other, new_rules, monkeypatch, tmp_path,
                                                    capsys):
    from jixiao.cli.recheck_command import recheck

    monkeypatch.setenv("JIXIAO_DATA", str(tmp_path))  # the command points Django at it; put back afterwards
    recheck(data=tmp_path, include_approved=False)
    printed = "".join(capsys.readouterr().out.split())  # as one line, however the console wrapped it
    assert printed == "已按现行规则重新复核1张未批复的表：1张的审核发现或建议等级有变化（已记入各表的修改记录），0张不变"
    recheck(data=tmp_path, include_approved=True)
    assert "已按现行规则重新复核1张表：1张的审核发现或建议等级有变化" in "".join(capsys.readouterr().out.split())
    assert _reload(approved_other).suggested_grade == "良"


def test_the_api_says_whether_a_stored_review_is_current(org, approved, new_rules):
    body = Client().get(f"/api/sheets/{approved.pk}",
                        HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['reviewer'])}").json()
    assert body["review_current"] is False and body["review_rules"] == approved.review_fingerprint

"""End to end in Chromium: an installation upgraded from a release whose rules differed. ``jixiao serve`` starts at
once and its worker reviews the demo's drafts again in the background (their stored reviews, made by "0.0.1" and
without the grade's explanation, gain it, recorded as a system change); the approved sheet keeps the review its
reviewer signed, and its page says the rules changed since approval and shows, on the reviewer's request, the
review under the current rules.
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from tests.web.e2e.conftest import fresh_copy
from tests.web.e2e.test_browser import _login, _shot, serving

pytestmark = pytest.mark.browser

OLD_RULES = "0.0.1/0000000000000000"


@pytest.fixture(scope="module")
def upgraded(first_run, tmp_path_factory):
    """The demo as the release before stored it, served by this one; yields the URL and the demo's sheets'
    ids by state."""
    data = fresh_copy(first_run, tmp_path_factory.mktemp("data"))
    with sqlite3.connect(data / "jixiao.sqlite3") as db:
        db.execute("UPDATE sheets_sheet SET review_fingerprint = ?, grade_explanation = ''", (OLD_RULES,))
        approved = db.execute("SELECT min(id) FROM sheets_sheet WHERE status = 'approved'").fetchone()[0]
        draft = db.execute("SELECT min(id) FROM sheets_sheet WHERE status = 'draft'").fetchone()[0]
    started = time.monotonic()
    with serving(data) as url:
        yield url, approved, draft, time.monotonic() - started


def test_the_approved_sheet_says_the_rules_changed_and_the_drafts_are_reviewed_again(upgraded, browser):
    url, approved, draft, start_seconds = upgraded
    assert start_seconds < 30  # the server answers without waiting for the recheck (the demo starts in seconds)
    reviewer = _login(browser, url, "reviewer")

    reviewer.goto(f"{url}/sheets/{approved}/")
    notice = reviewer.locator("#rules-changed")
    assert notice.is_visible()
    assert "批复时 jixiao 0.0.1" in notice.inner_text() and "仍是批复时的结果" in notice.inner_text()
    assert reviewer.locator("#grade-explanation").count() == 0  # the signed review is kept as it was
    _shot(reviewer, "recheck-01-approved-notice")
    notice.locator("a:has-text('查看按现行规则复核的结果')").click()
    current = reviewer.locator("#current-rules")
    current.wait_for()
    assert "与批复时的审核结果相同" in current.inner_text()  # the rules of "0.0.1" happened to agree
    _shot(reviewer, "recheck-02-current-rules")

    # The worker reviews the drafts again meanwhile: the draft gains its explanation, as a system change.
    deadline = time.monotonic() + 60
    while True:
        reviewer.goto(f"{url}/sheets/{draft}/")
        if reviewer.locator("#grade-explanation").count() or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert reviewer.locator("#grade-explanation").is_visible()
    assert reviewer.locator("#rules-changed").count() == 0 and reviewer.locator("#recheck-pending").count() == 0
    history = reviewer.locator("table.history")
    row = history.locator("tr", has_text="规则更新后重新复核")
    assert row.count() == 1 and "系统" in row.inner_text() and "建议等级的计算" in row.inner_text()

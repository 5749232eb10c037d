"""Kept public pages (jixiao.web.publication.pagecache) are the pages a fresh rendering gives, after every write
that changes what the site shows: publishing, a published result, a new version after an adjustment, withdrawals;
and a table, kept per version and result, outlives changes elsewhere."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.test import Client

from jixiao.web.publication.pagecache import CACHE, public_revision
from jixiao.web.publication.services import evaluation_publish, publication_publish, publication_withdraw
from jixiao.web.publication.views import public
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.publication.conftest import approved_sheet, crawl, evaluate


def _answers(client: Client, urls) -> dict[str, tuple[int, bytes]]:
    """The pages among ``urls`` (downloads and data files are made afresh, with the time in them), answered: the
    status, and what a page found says (an error page carries a CSRF token of its own)."""
    return {url: (response.status_code, _timeless(response.content) if response.status_code == 200 else b"")
            for url in sorted(urls)
            if not re.search(r"\.(csv|json|docx|xlsx|pdf)$", url) and (response := client.get(url))}


def _timeless(body: bytes) -> bytes:
    """A feed with no entry is dated when it is written (Django's Atom generator): that date aside."""
    return body if b"<entry>" in body else re.sub(rb"<updated>[^<]*</updated>", b"", body)


def test_kept_pages_are_what_a_fresh_rendering_shows_after_every_change(org, login, anonymous):
    seen: set[str] = set()
    tokens: list[str] = []

    def check(step: str) -> None:
        tokens.append(public_revision())
        seen.update(crawl(anonymous))  # answered from the pages kept for the previous state, if any was wrongly
        kept = _answers(anonymous, seen)  # and again, now surely from the kept pages
        caches[CACHE].clear()
        assert kept == _answers(anonymous, seen), step

    check("nothing published")
    earlier = approved_sheet(org, year=2025)
    publication_publish(user=org["reviewer"], sheet_id=earlier.pk)
    later = publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org, year=2026).pk)
    check("published")
    evaluate(login(org["owner"]), earlier)
    evaluation_publish(user=org["reviewer"], sheet_id=earlier.pk)
    check("a result published")
    sheet_transition(user=org["owner"], sheet_id=later.sheet_id, name="adjust", reason="上级追加资金")
    sheet_transition(user=org["owner"], sheet_id=later.sheet_id, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=later.sheet_id, name="approve", grade="优")
    publication_publish(user=org["reviewer"], sheet_id=later.sheet_id)
    check("a new version")
    publication_withdraw(user=org["reviewer"], sheet_id=earlier.pk, reason="数据有误")
    check("one withdrawn")
    publication_withdraw(user=org["reviewer"], sheet_id=later.sheet_id, reason="数据有误")
    check("all withdrawn")
    assert len(set(tokens)) == len(tokens)  # every change gave the site a new token
    assert any(status == 404 for status, _ in _answers(anonymous, seen).values())  # withdrawn pages are gone


def test_a_page_is_kept_for_its_host(published):
    # The feed's links are absolute: another host name gets its own feed, not the first one's.
    first = Client().get("/public/feed.atom").content.decode()
    other = Client(HTTP_HOST="localhost").get("/public/feed.atom").content.decode()
    assert "http://testserver/public/table/" in first and "http://localhost/public/table/" in other



def test_a_table_is_kept_per_version_while_the_site_changes(org, published, anonymous, monkeypatch):
    url = f"/public/table/{published.pk}/"
    first = anonymous.get(url).content
    # Another table's publication renders the page again (its versions and years may change), not the table.
    publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org, name="另一个项目", code="P-002").pk)
    monkeypatch.setattr(public, "grid_rows", lambda content: pytest.fail("the kept table was laid out again"))
    assert anonymous.get(url).content == first

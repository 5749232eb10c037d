"""Sheets published by the bureau: one of this year (2026, not yet ended), one of 2025 with its self-evaluation
scored, both carrying personal data in their text (which must never reach the public)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from urllib.parse import urljoin

import pdfplumber
import pytest
from django.test import Client

from jixiao.web.publication.services import evaluation_publish, publication_publish
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet

SECRETS = ("赵六", "13912345678", "zhao6@example.cn", "11010519491231002X")
PERSONAL = "联系人：赵六，电话13912345678，邮箱 zhao6@example.cn，身份证 11010519491231002X"


def approved_sheet(org, *, year: int = 2026, name: str = "乡镇环境治理经费", code: str = "P-001",
                   preparer: str = "owner", unit: str = "township"):
    """A sheet of ``unit`` written by ``preparer`` (keys of ``org``), submitted and approved by the bureau."""
    content = small_sheet(name=name).model_copy(update={"year": year, "code": code, "purpose": PERSONAL})
    sheet = sheet_create(user=org[preparer], unit=org[unit], year=year, content=content, source="test")
    sheet_transition(user=org[preparer], sheet_id=sheet.pk, name="submit")
    return sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")


def evaluate(client: Client, sheet) -> None:
    """Save a complete self-evaluation through the page: 16 of 18 villages, 95% satisfaction, 17.2 spent."""
    response = client.post(f"/performance/{sheet.pk}/evaluation/", {
        "version": 1, "spent": "17.2", "r1-actual": "16个", "r1-deviation": "两个村推迟到下年", "r2-actual": "95%"})
    assert response.status_code == 302, response.content[:500]


@pytest.fixture
def published(org):
    """A 2026 sheet, approved and published."""
    sheet = approved_sheet(org)
    return publication_publish(user=org["reviewer"], sheet_id=sheet.pk)


@pytest.fixture
def year_2025(org, login):
    """A 2025 table published with its self-evaluation, and a 2026 one of the same project."""
    sheet = approved_sheet(org, year=2025)
    publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    evaluate(login(org["owner"]), sheet)
    evaluated = evaluation_publish(user=org["reviewer"], sheet_id=sheet.pk)
    later = publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org, year=2026).pk)
    return evaluated, later


@pytest.fixture
def anonymous() -> Client:
    return Client()


def text_of(response) -> str:
    """What a response says, whatever its format (pages, CSV, JSON, Atom, .docx, .xlsx, .pdf)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            # openpyxl writes inline strings as character references (&#20065;): unescape to see the text.
            return html.unescape("".join(archive.read(n).decode("utf-8", "replace")
                                         for n in archive.namelist() if n.endswith(".xml")))
    if body[:4] == b"%PDF":
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            return "".join(page.extract_text() or "" for page in pdf.pages)
    return body.decode("utf-8")


def crawl(client, start: str = "/public/") -> dict[str, str]:
    """Every /public/ URL reachable from ``start`` by links, with what it says."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        seen[url] = text = text_of(response)
        if response["Content-Type"].startswith("text/html") or "atom" in response["Content-Type"]:
            for link in re.findall(r'href="([^"#]+)"', text):
                target = urljoin(url, link.replace("&amp;", "&"))
                if target.startswith("/public/") and target not in seen:
                    queue.append(target)
    return seen

"""Sheets published by the bureau: one of this year (2026, not yet ended), one of 2025 with its self-evaluation
scored, both carrying personal data in their text (which must never reach the public)."""

from __future__ import annotations

import pytest
from django.test import Client

from jixiao.web.publication.services import publication_publish
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet

SECRETS = ("赵六", "13912345678", "zhao6@example.cn", "11010519491231002X")
PERSONAL = "联系人：赵六，电话13912345678，邮箱 zhao6@example.cn，身份证 11010519491231002X"


def approved_sheet(org, *, year: int = 2026, name: str = "乡镇环境治理经费", code: str = "P-001"):
    content = small_sheet(name=name).model_copy(update={"year": year, "code": code, "purpose": PERSONAL})
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=year, content=content, source="test")
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
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
def anonymous() -> Client:
    return Client()

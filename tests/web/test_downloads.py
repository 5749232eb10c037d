"""Downloads never let user text name a server path (issue 8, item 1): every export path with hostile names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.test import Client

from jixiao.web.downloads import safe_filename
from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet


def hostile_names(folder: Path) -> list[str]:
    """An absolute path, a traversal, and a name with separators, quotes and control characters (not NUL, which
    no column may hold: the services refuse it, see test_hostile_parameters)."""
    return [str(folder / "ABSOLUTE"), "../../../../" + str(folder / "TRAVERSAL").lstrip("/"),
            'a/b\\c"d\r\nX-Injected: 1;\x1be']


def download_name(response) -> str:
    header = response["Content-Disposition"]
    assert header.startswith("attachment;") and "\r" not in header and "\n" not in header
    match = re.search(r"filename\*=utf-8''([^;]+)|filename=\"([^\"]+)\"", header)
    assert match, header
    return unquote(match.group(1) or match.group(2))


def assert_safe(response, folder: Path, suffix: str) -> None:
    assert response.status_code == 200, response.content[:300]
    name = download_name(response)
    assert name.endswith(f".{suffix}")
    assert not set(name) & set('/\\"\r\n\x00:'), name
    assert not name.startswith("."), name
    assert list(folder.iterdir()) == [], "an export wrote a file outside its response"


@pytest.mark.parametrize("fmt", ["json", "docx", "xlsx"])
@pytest.mark.parametrize("which", [0, 1, 2])
def test_sheet_export_page_and_api(org, login, tmp_path, fmt, which):
    name = hostile_names(tmp_path)[which]
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=2026, content=small_sheet(name=name),
                         source="test")
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/export/{fmt}/")
    assert_safe(page, tmp_path, fmt)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}").get(
        f"/api/sheets/{sheet.pk}/export/{fmt}")
    assert_safe(api, tmp_path, fmt)
    if fmt == "json":
        # The file still carries the sheet's own name as data.
        assert json.loads(api.content)["sheets"][0]["name"] == name


@pytest.mark.parametrize("fmt", ["json", "docx", "xlsx"])
def test_unit_export_with_a_hostile_unit_name(org, login, exported, tmp_path, fmt):
    township = org["township"]
    township.name = str(tmp_path / "UNIT") + "/../x"
    township.save()
    sheet_create(user=org["owner"], unit=township, year=2026, content=small_sheet(), source="test")
    response = exported(login(org["owner"]), "sheets", {"unit": township.pk, "year": 2026, "format": fmt})
    assert_safe(response, tmp_path, fmt)


@pytest.mark.parametrize("path", ["monitoring.docx", "monitoring.xlsx", "evaluation.docx", "evaluation.xlsx",
                                  "evaluation/template.xlsx"])
def test_performance_downloads_with_a_hostile_sheet_name(org, login, tmp_path, path):
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=2026,
                         content=small_sheet(name=hostile_names(tmp_path)[1]), source="test")
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    client = login(org["owner"])
    saved = client.post(f"/performance/{sheet.pk}/evaluation/",
                        {"version": 1, "spent": "18", "r1-actual": "16个", "r1-deviation": "两个村推迟", "r2-actual": "95%"})
    assert saved.status_code == 302
    response = client.get(f"/performance/{sheet.pk}/{path}")
    assert_safe(response, tmp_path, path.rsplit(".", 1)[1])


@pytest.mark.parametrize(("stem", "expected"), [
    ("/srv/x/ABSOLUTE", "srv_x_ABSOLUTE.json"),
    ("../../etc/passwd", "etc_passwd.json"),
    ("乡镇环境治理经费", "乡镇环境治理经费.json"),
    ("...", "jixiao.json"),
    ("", "jixiao.json"),
    ("a\u202eb", "ab.json"),
])
def test_safe_filename(stem, expected):
    assert safe_filename(stem, "json") == expected


def test_safe_filename_bounds_the_length():
    assert len(safe_filename("长" * 1000, "xlsx")) <= 125

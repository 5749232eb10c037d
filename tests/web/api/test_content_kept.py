"""What an API client sends in a new sheet's content beyond the Sheet's columns (a self-evaluation's claims, the
form's fields and the ones it left blank, the table's number) is kept, given back and reviewed, as an import keeps
what the reader found: nothing a person sent is dropped."""

from __future__ import annotations

from jixiao.web.sheets.models import Sheet
from tests.web.conftest import small_sheet

EVALUATION = {"budget_full": "18.00", "spent": "17.10", "execution_rate": "95", "total": "96", "grade": "优"}


def _create(client, **content):
    body = {**small_sheet().model_dump(mode="json"), **content}
    return client.post("/api/sheets/", {"unit_code": "434016", "year": 2026, "content": body},
                       content_type="application/json")


def test_what_the_content_gives_beyond_the_columns_is_kept_and_given_back(api, org):
    created = _create(api("owner"), table=2, evaluation=EVALUATION, form_fields=["项目名称", "主管部门"],
                      blank_fields=["主管部门"])
    assert created.status_code == 201, created.content
    content = api("owner").get(f"/api/sheets/{created.json()['id']}").json()["content"]
    assert content["table"] == 2
    assert content["form_fields"] == ["项目名称", "主管部门"] and content["blank_fields"] == ["主管部门"]
    evaluation = content["evaluation"]
    assert (evaluation["spent"], evaluation["total"], evaluation["grade"]) == ("17.10", "96", "优")


def test_the_review_of_a_created_sheet_reads_what_its_content_gave(api, org):
    # 主管部门 printed and left blank: JX101 says so; a sheet whose content says nothing of it is not told
    told = _create(api("owner"), form_fields=["项目名称", "主管部门"], blank_fields=["主管部门"]).json()
    silent = _create(api("owner")).json()
    blank = [f for f in told["findings"] if f["rule"] == "JX101" and "“主管部门”" in f["message"]]
    assert len(blank) == 1 and "表上有此栏，没有填写" in blank[0]["message"]
    assert not [f for f in silent["findings"] if f["rule"] == "JX101" and "“主管部门”" in f["message"]]


def test_a_content_of_the_columns_alone_stores_no_reading(api, org):
    created = _create(api("owner"))
    assert Sheet.objects.get(pk=created.json()["id"]).reading is None

"""The audit pages: who may see them, uploading (one file; a .zip, audited in the background; a refused upload),
the ranking, the export (a background job)."""

import io
import json
import re
import zipfile
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.model import Document, FundSource, GoalSheet, IndicatorResult, ReportedMonitoring, SelfEvaluation, Unit
from jixiao.web.audits.models import AuditedDocument
from jixiao.web.jobs.models import Job, JobUpload
from jixiao.web.jobs.services import job_run
from jixiao.web.performance.services import evaluation_save, spending_add
from jixiao.web.security.models import AuditEvent
from tests.scoring.recomputes import recomputes_counted
from tests.web.audits.conftest import township_evaluation


def _upload(client, *files, year=2026, profile="central", unit=None, accept_year=False, accept_unit=False):
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    return client.post("/audits/upload/", {"year": year, "profile": profile, "files": uploads,
                                           **({"unit": unit.pk} if unit else {}),
                                           **({"accept_year": "on"} if accept_year else {}),
                                           **({"accept_unit": "on"} if accept_unit else {})})


def _unnamed(evaluation: bytes) -> bytes:
    """A printed self-evaluation that does not name its unit, as many published tables don't (corpus 206)."""
    document = Document.model_validate_json(evaluation)
    return document.model_copy(update={"unit": None, "sheets": [
        sheet.model_copy(update={"unit": None}) for sheet in document.sheets]}).model_dump_json().encode()


def _zip(*files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("person", "status"), [
    ("reviewer", 200), ("admin", 200), ("owner", 403), ("outsider", 403), ("other_reviewer", 200)])
def test_the_page_is_for_reviewers_and_admins(org, login, person, status):
    assert login(org[person]).get("/audits/").status_code == status


def test_a_preparer_cannot_upload(org, login, tangxi, sample_evaluation):
    response = _upload(login(org["owner"]), ("自评表.json", sample_evaluation))
    assert response.status_code == 403 and not AuditedDocument.objects.exists()


def test_uploading_one_self_evaluation_matches_the_approved_sheet_and_shows_its_audit(org, login, approved):
    client = login(org["reviewer"])
    response = _upload(client, ("乡镇自评表.json", township_evaluation()))
    document = AuditedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/audits/{document.pk}/"
    assert (document.unit, document.sheet, document.bureau) == (org["township"], approved, org["bureau"])
    # Against its printed target ≥15个 the row is scored right; against the approved ≥18个 the target was lowered.
    assert [f["rule"] for f in document.findings] == ["JXA15"]
    lowered = next(f for f in document.findings if f["rule"] == "JXA15")
    assert set(lowered) >= {"rule", "severity", "params", "fix", "source", "template"}
    assert (document.claimed_total, document.expected_total, document.gap) == (100, 100, 0)
    page = client.get(f"/audits/{document.pk}/").content.decode()
    assert "已对应批复的目标表" in page and "所印得分" in page and "JXA15" in page
    assert "评分方案 中央默认（财预〔2020〕10号）" in page and "central" not in page
    assert "得分 = 分值 80 × 实际值 15个 ÷ 目标值 15个（超过100%按100%计）" in page
    assert "<span>差额</span><strong>0.00</strong>" in page  # a gap of nought is a figure, not a blank
    assert "复算总分说明" not in page  # every row recomputed: nothing to say about the total


def test_a_recomputed_total_that_takes_printed_scores_says_so_on_the_page_and_in_the_export(org, login, exported):
    # corpus 015 prints no 分值 beside five of its six scores (and names its 实施单位 as 本单位): its recomputed total
    # is mostly the printed one, which the page says beside the total
    client = login(org["reviewer"])
    entry = next(entry for entry in load_manifest() if entry.stem.startswith("015_"))
    _upload(client, (entry.path.name, entry.path.read_bytes()), unit=org["township"], accept_year=True)
    document = AuditedDocument.objects.get()
    stored = document.total_explanation  # the message as data, rendered where it is shown
    assert set(stored) == {"template", "params", "message"} and "等 {" in stored["template"]
    explained = document.total_explained
    assert explained.endswith("等 5 行无法复算，按所印得分计入复算总分") and explained == stored["message"]
    page = client.get(f"/audits/{document.pk}/").content.decode()
    assert f'<p class="small muted" id="total-explanation">复算总分说明：{explained}</p>' in page
    summary = load_workbook(io.BytesIO(exported(client, "audits", {"year": 2026}).content))["复核汇总"]
    assert (summary.cell(1, 16).value, summary.cell(2, 16).value) == ("复算总分说明", explained)


def test_an_upload_recomputes_its_self_evaluation_once(org, login, approved, monkeypatch):
    # The table stored beside the findings is the recomputation the audit rules read, not a second one.
    counts = recomputes_counted(monkeypatch)
    _upload(login(org["reviewer"]), ("乡镇自评表.json", township_evaluation()))
    document = AuditedDocument.objects.get()
    assert (document.expected_total, len(document.table)) == (100, 3)
    assert counts == {"P-001": 1}


def test_the_upload_is_compared_with_what_the_unit_recorded_of_the_year(org, login, approved):
    # The township recorded 16.2 spent and 16 villages; its printed self-evaluation says 18 and 15个.
    evaluation_save(user=org["owner"], sheet_id=approved.pk, expected_version=1, evaluation=SelfEvaluation(
        sheet="P-001", budget_full=D(18), spent=D("16.2"), results=[IndicatorResult(indicator=1, actual=D(16))]))
    _upload(login(org["reviewer"]), ("乡镇自评表.json", township_evaluation()))
    found = [(f["indicator"], f["location"]["column"], f["params"]["printed"], f["params"]["recorded"])
             for f in AuditedDocument.objects.get().findings if f["rule"] == "JXA24"]
    assert found == [("预算执行率", "全年执行数", "18", "16.2"), ("整治村数", "实际完成值", "15个", "16")]


def test_a_monitoring_table_is_compared_with_the_spending_recorded(org, login, approved):
    # 6 recorded by 30 June (and 4 in July); the township's printed 1-6月执行数 says 9.
    version = spending_add(user=org["owner"], sheet_id=approved.pk, expected_version=1, day=date(2026, 5, 20),
                           amount=D(6), source=FundSource.FISCAL).version
    spending_add(user=org["owner"], sheet_id=approved.pk, expected_version=version, day=date(2026, 7, 3), amount=D(4),
                 source=FundSource.FISCAL)
    table = GoalSheet(code="P-001", name="乡镇环境治理经费", year=2026, unit=Unit(code="434016", name="遵化市西留村乡人民政府"),
                      monitoring=ReportedMonitoring(months=6, budget=D(18), spent=D(9)))
    _upload(login(org["reviewer"]), ("监控表.json", Document(source="m.json", sheets=[table]).model_dump_json().encode()))
    found = [f["params"] for f in AuditedDocument.objects.get().findings if f["rule"] == "JXM06"]
    assert [(p["printed"], p["recorded"], p["day"]) for p in found] == [("9", "6", "2026-06-30")]


def test_a_zip_is_audited_and_ranked_by_gap_with_the_chart_data(org, login, tangxi, sample_evaluation, approved):
    client = login(org["admin"])
    archive = _zip(("棠溪镇.json", sample_evaluation), ("西留村乡.json", township_evaluation(claimed="100")))
    # The township's table is of 2026: filed under 2022 only because the reviewer says so.
    response = _upload(client, ("单位自评表.zip", archive), year=2022, accept_year=True)
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == f"/jobs/{job.pk}/" and not AuditedDocument.objects.exists()
    assert "排队中" in client.get(response.url).content.decode()
    assert job_run(job.pk) == "succeeded" and AuditedDocument.objects.count() == 2
    job.refresh_from_db()
    assert (job.done, job.total, job.message) == (2, 2, "已复核 2 张表") and not JobUpload.objects.exists()
    assert "/audits/?year=2022" in client.get(response.url).content.decode()
    page = client.get("/audits/?year=2022").content.decode()
    chart = json.loads(re.search(r'<script id="audit-chart-data" type="application/json">(.*?)</script>', page,
                                 re.S).group(1))
    # 棠溪镇: rows add to 80 (no printed total) against 90 recomputed; the township: 100 against 100.
    assert chart["gaps"] == [0.0, -10.0]
    assert chart["labels"][1] == "池州市贵池区棠溪镇人民政府 · 委托业务项目"
    tangxi_doc = AuditedDocument.objects.get(unit=tangxi)
    assert chart["links"][1] == f"/audits/{tangxi_doc.pk}/"
    assert tangxi_doc.claimed_is_sum and tangxi_doc.sheet is None  # no approved sheet of 2022 for 棠溪镇
    assert not re.search(r"<script(?![^>]*(src=|application/json))", page)  # no inline script
    assert "vendor/echarts/echarts.min.js" in page and "jixiao/audits.js" in page


def test_a_table_of_another_year_is_refused_unless_the_reviewer_accepts_the_chosen_year(org, login, approved):
    client = login(org["reviewer"])
    refused = _upload(client, ("乡镇自评表.json", township_evaluation()), year=2025)
    assert refused.status_code == 400 and not AuditedDocument.objects.exists()
    assert ("乡镇自评表.json：项目“乡镇环境治理经费”写的是 2026 年度，所选年度为 2025 年，请选择正确的年度，"
            "或勾选“仍按所选年度复核”") in refused.content.decode()
    accepted = _upload(client, ("乡镇自评表.json", township_evaluation()), year=2025, accept_year=True)
    document = AuditedDocument.objects.get()
    # Filed under 2025, it is not compared with the township's approved sheet of 2026.
    assert accepted.status_code == 302 and (document.year, document.sheet) == (2025, None)


def test_the_page_opens_on_the_year_under_way_not_the_budget_year_being_prepared(org, login, monkeypatch):
    from jixiao.web.sheets import selectors
    monkeypatch.setattr(selectors.timezone, "localdate", lambda: date(2026, 12, 4))
    page = login(org["reviewer"]).get("/audits/").content.decode()
    assert "<h1>自评复核 2026年度</h1>" in page and 'name="year" value="2027"' not in page
    assert '<label class="check"><input type="checkbox" name="accept_year"' in page  # beside its words, not below


def test_a_failed_upload_stores_nothing_and_says_why(org, login, sample_evaluation, approved):
    client = login(org["reviewer"])
    archive = _zip(("西留村乡.json", township_evaluation()), ("棠溪镇.json", sample_evaluation),
                   ("图片.json", b"{\"sheets\": 5}"))
    job = Job.objects.get(pk=_upload(client, ("单位自评表.zip", archive)).url.split("/")[2])
    assert job_run(job.pk) == "failed" and not AuditedDocument.objects.exists() and not JobUpload.objects.exists()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "单位自评表.zip/棠溪镇.json：项目“委托业务项目”的单位“219001 池州市贵池区棠溪镇人民政府”不是本财政局所辖单位" in page
    assert "单位自评表.zip/棠溪镇.json：项目“委托业务项目”写的是 2022 年度，所选年度为 2026 年" in page
    assert "单位自评表.zip/图片.json：" in page and "上传未保存" in page and "hx-trigger" not in page


def test_a_goal_sheet_without_a_printed_self_evaluation_is_refused(org, login, sample_bytes):
    response = _upload(login(org["reviewer"]), ("目标表.txt", sample_bytes))
    assert response.status_code == 400 and not AuditedDocument.objects.exists()
    assert "目标表.txt：文件中没有所印的绩效自评表或运行监控表" in response.content.decode()


@pytest.mark.parametrize(("person", "status"), [
    ("reviewer", 200), ("admin", 200), ("owner", 403), ("other_reviewer", 404)])
def test_document_and_unit_pages_are_scoped_to_the_bureau(org, login, approved, person, status):
    _upload(login(org["reviewer"]), ("乡镇自评表.json", township_evaluation()))
    document = AuditedDocument.objects.get()
    client = login(org[person])
    assert client.get(f"/audits/{document.pk}/").status_code == status
    assert client.get(f"/audits/unit/{org['township'].pk}/").status_code == status


def test_the_unit_page_lists_its_documents(org, login, approved):
    client = login(org["reviewer"])
    _upload(client, ("乡镇自评表.json", township_evaluation()))
    page = client.get(f"/audits/unit/{org['township'].pk}/").content.decode()
    assert "乡镇环境治理经费" in page and "乡镇自评表.json" in page


def test_the_export_writes_user_text_as_text(org, login, exported, approved):
    client = login(org["reviewer"])
    _upload(client, ("=cmd.json", township_evaluation(name="=HYPERLINK(\"http://x\")")), year=2026)
    response = exported(client, "audits", {"year": 2026})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    summary, found = book["复核汇总"], book["复核发现"]
    assert summary["D2"].value == "=HYPERLINK(\"http://x\")" and summary["D2"].data_type == "s"
    assert summary["E2"].value == "=cmd.json" and summary["E2"].data_type == "s"
    assert [summary.cell(2, c).value for c in (8, 9, 10)] == [100, 100, 0]
    assert summary["G2"].value == "中央默认（财预〔2020〕10号）"  # the profile as the form named it, not "central"
    rules = [found.cell(r, 4).value for r in range(2, found.max_row + 1)]
    assert "JXA15" in rules
    assert login(org["owner"]).post("/jobs/start/audits/", {"year": 2026}).status_code == 403


@pytest.mark.parametrize("doubt", ["confidence", "diagnostic"])
def test_a_finding_on_a_row_read_in_doubt_says_so_once(org, login, approved, exported, doubt):
    # The reader inferred the columns of 整治村数 (confidence 0.8), or said of its row that it could not tell them (P111,
    # which the upload hands to the audit as `jixiao check` does): the page says the finding rests on that guess, once,
    # after the message, from the finding's confidence; the export says it in a column of its own.
    data = json.loads(township_evaluation())
    sheet = data["sheets"][0]
    if doubt == "confidence":
        sheet["indicators"][0]["confidence"] = 0.8
    else:
        data["diagnostics"] = [{"code": "P111", "severity": "warning", "message": "无法确定本行各单元格所属的列",
                                "location": {"sheet": sheet["code"], "row": 9}}]
    sheet["evaluation"]["items"][0]["actual_raw"] = "12个"
    client = login(org["reviewer"])
    _upload(client, ("乡镇自评表.json", json.dumps(data, ensure_ascii=False).encode()))
    document = AuditedDocument.objects.get()
    inflated = next(f for f in document.findings if f["rule"] == "JXA02")
    assert (inflated["confidence"], inflated["severity"]) == ("guessed-layout", "warning")
    assert "读取不确定" not in inflated["template"]  # 80 × 12 ÷ 15 = 64.00: the rule's words alone
    assert inflated["params"]["expected"] == "64.00"
    page = client.get(f"/audits/{document.pk}/").content.decode()
    guessed = sum(f["confidence"] != "high" for f in document.findings)
    assert page.count("（版式推测）") == guessed >= 1
    assert page.count('title="这项发现所依据的行读取不确定：单元格可能不在原表的位置，请核对原表"') == guessed
    book = load_workbook(io.BytesIO(exported(client, "audits", {"year": 2026}).content))
    found = book["复核发现"]
    assert found["I1"].value == "可信度"
    rows = {found.cell(r, 4).value: found.cell(r, 9).value for r in range(2, found.max_row + 1)}
    assert rows["JXA02"] == "版式推测"


def test_a_table_that_names_no_unit_is_audited_as_the_chosen_units(org, login, approved):
    client = login(org["reviewer"])
    refused = _upload(client, ("自评表.json", _unnamed(township_evaluation())))
    assert refused.status_code == 400 and "的单位（表中未写单位）不是本财政局所辖单位，无法对应；请在“单位”中选择提交文件的单位" in refused.content.decode()
    response = _upload(client, ("自评表.json", _unnamed(township_evaluation())), unit=org["township"])
    document = AuditedDocument.objects.get()
    assert response.status_code == 302 and (document.unit, document.sheet) == (org["township"], approved)


def _printed_as(evaluation: bytes, name: str) -> bytes:
    """A printed self-evaluation naming its unit by ``name`` alone (no code), as a township's stamp prints it."""
    document = Document.model_validate_json(evaluation)
    return document.model_copy(update={"sheets": [
        sheet.model_copy(update={"unit": Unit(name=name)}) for sheet in document.sheets]}).model_dump_json().encode()


@pytest.mark.parametrize("printed", ["西留村乡人民政府", "遵化市西留村乡政府（盖章）"])
def test_a_table_naming_its_unit_shortened_is_audited_as_that_units(org, login, approved, printed):
    """The audit identifies the unit as the import does (the model's rule): a shortened name, 政府 for 人民政府 or a
    bracketed note is still the township, where an exact match refused the upload as no unit of the bureau."""
    response = _upload(login(org["reviewer"]), ("自评表.json", _printed_as(township_evaluation(), printed)))
    assert response.status_code == 302, response.content.decode()[:300]
    document = AuditedDocument.objects.get()
    assert (document.unit, document.sheet) == (org["township"], approved)


def test_a_shortened_name_of_another_unit_than_the_chosen_one_is_refused(org, login, approved):
    response = _upload(login(org["reviewer"]), ("自评表.json", _printed_as(township_evaluation(), "西留村乡人民政府")),
                       unit=org["sibling_unit"])
    assert response.status_code == 400 and not AuditedDocument.objects.exists()
    assert "表中写的单位是“遵化市西留村乡人民政府”，与所选单位“乙乡人民政府”不同" in response.content.decode()


def test_a_table_naming_another_unit_than_the_chosen_one_is_refused(org, login, approved):
    response = _upload(login(org["reviewer"]), ("自评表.json", township_evaluation()), unit=org["sibling_unit"])
    page = response.content.decode()
    assert response.status_code == 400 and not AuditedDocument.objects.exists()
    assert "表中写的单位是“遵化市西留村乡人民政府”，与所选单位“乙乡人民政府”不同" in page


def test_a_table_naming_another_unit_is_refused_until_the_reviewer_accepts_it_for_the_chosen_one(org, login, approved):
    client = login(org["reviewer"])
    assert "仍按所选单位复核" in client.get("/audits/").content.decode()  # the box the refusal points to
    refused = _upload(client, ("自评表.json", township_evaluation()), unit=org["sibling_unit"])
    assert refused.status_code == 400 and "勾选“仍按所选单位复核”" in refused.content.decode()
    assert not AuditedDocument.objects.exists() and not AuditEvent.objects.filter(action="audit_other_unit").exists()
    accepted = _upload(client, ("自评表.json", township_evaluation()), unit=org["sibling_unit"], accept_unit=True)
    document = AuditedDocument.objects.get()
    assert accepted.status_code == 302 and document.unit == org["sibling_unit"]
    # compared with the chosen unit's approved sheets, not the named unit's (乙乡 has none of P-001)
    assert document.sheet is None
    event = AuditEvent.objects.get(action="audit_other_unit")
    assert (event.user, event.object_id, event.bureau_id) == (org["reviewer"], str(document.pk), org["bureau"].pk)
    assert event.details == {"file": "自评表.json", "project": "P-001", "named": "遵化市西留村乡人民政府",
                             "chosen": "乙乡人民政府", "year": 2026}


def test_a_table_naming_its_own_unit_records_no_acceptance(org, login, approved):
    _upload(login(org["reviewer"]), ("自评表.json", township_evaluation()), unit=org["township"], accept_unit=True)
    assert AuditedDocument.objects.get().unit == org["township"]
    assert not AuditEvent.objects.filter(action="audit_other_unit").exists()


def test_an_upload_refused_for_another_file_stores_and_records_nothing_it_accepted(org, login, approved):
    response = _upload(login(org["reviewer"]), ("自评表.json", township_evaluation()), ("坏文件.txt", b"\xff\xfe"),
                       unit=org["sibling_unit"], accept_unit=True)
    assert response.status_code == 400 and "本次上传的文件都未保存" in response.content.decode()
    assert not AuditedDocument.objects.exists() and not AuditEvent.objects.filter(action="audit_other_unit").exists()


def test_a_background_audit_keeps_the_acceptance_of_another_unit(org, login, approved):
    client = login(org["reviewer"])
    response = _upload(client, ("自评表.zip", _zip(("自评表.json", township_evaluation()))), unit=org["sibling_unit"],
                       accept_unit=True)
    job = Job.objects.get(pk=response.url.split("/")[2])
    assert job.params["accept_unit"] is True
    assert job_run(job.pk) == "succeeded" and AuditedDocument.objects.get().unit == org["sibling_unit"]
    assert AuditEvent.objects.get(action="audit_other_unit").user == org["reviewer"]


def test_only_the_bureaus_own_units_can_be_chosen(org, login, approved):
    response = _upload(login(org["reviewer"]), ("自评表.json", _unnamed(township_evaluation())),
                       unit=org["other_unit"])
    assert response.status_code == 400 and not AuditedDocument.objects.exists()
    assert "丁镇人民政府" not in login(org["reviewer"]).get("/audits/").content.decode()


def test_a_background_audit_keeps_the_chosen_unit(org, login, approved):
    client = login(org["reviewer"])
    response = _upload(client, ("自评表.zip", _zip(("自评表.json", _unnamed(township_evaluation())))),
                       unit=org["township"])
    job = Job.objects.get(pk=response.url.split("/")[2])
    assert job.params["unit"] == org["township"].pk and "遵化市西留村乡人民政府" in client.get("/jobs/").content.decode()
    assert job_run(job.pk) == "succeeded" and AuditedDocument.objects.get().unit == org["township"]


def test_the_findings_heading_counts_every_finding_listed(org, login):
    # 136 draws one 提示 (JXA18): the heading said 错误 0 · 警告 0 above it
    entry = next(e for e in load_manifest() if e.split == "dev" and e.path.name.startswith("136_"))
    client = login(org["reviewer"])
    _upload(client, (entry.path.name, document_bytes(entry.path)), year=2020, unit=org["township"])
    document = AuditedDocument.objects.get()
    assert (document.error_count, document.warning_count, len(document.findings)) == (0, 0, 1)
    page = client.get(f"/audits/{document.pk}/").content.decode()
    assert "复核发现 1 项（错误 0 · 警告 0）" in page


def test_the_footnote_on_summed_totals_stands_only_under_a_total_it_marks(org, login, approved):
    """The ranking's footnote (* 表中未印总分，取各行所印得分之和) stood under tables whose totals were all printed."""
    client = login(org["reviewer"])
    _upload(client, ("乡镇自评表.json", township_evaluation(claimed="100")))
    document = AuditedDocument.objects.get()
    page = client.get(f"/audits/?year={document.year}").content.decode()
    assert not document.claimed_is_sum and "表中未印总分" not in page
    AuditedDocument.objects.update(claimed_is_sum=True)
    page = client.get(f"/audits/?year={document.year}").content.decode()
    assert 'title="表中未印总分，取各行所印得分之和">*</span>' in page and "* 表中未印总分，取各行所印得分之和。" in page

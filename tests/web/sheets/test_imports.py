"""Import: preview first, then all or nothing."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.model import Document, GoalSheet
from jixiao.web.sheets.errors import ImportRefused
from jixiao.web.sheets.models import HistoryEntry, Sheet
from jixiao.web.sheets.services import imports, sheets
from jixiao.web.sheets.services.findings import sheet_review
from jixiao.web.sheets.services.imports import sheets_import
from tests.hostile_zips import zip_of_unsupported_version

PROSE_REPORT = Path(__file__).resolve().parents[2] / "fixtures" / "prose_report.txt"


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_preview_shows_what_was_read_and_confirm_imports_it(org, login, sample_bytes):
    client = login(org["owner"])
    upload = SimpleUploadedFile("sample.txt", sample_bytes)
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026, "files": [upload]})
    text = page.content.decode()
    assert "乡乡环境治理经费" in text and "审核发现" in text and not Sheet.objects.exists()
    confirm = client.post(f"/sheets/import/{page.context['pending'].pk}/confirm/")
    assert confirm.status_code == 302
    assert Sheet.objects.filter(unit=org["township"], year=2026).count() == 2
    assert HistoryEntry.objects.filter(action="import").count() == 2


def test_preview_lists_a_sheet_whose_name_was_not_read_as_unnamed_not_under_the_forms_title(org, login):
    # a form whose project name the reader could not find: its bare title (项目绩效目标表) names no project
    text = "\n".join(["项目绩效目标表", "(2026年度)", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 数量指标 | 发放人数 | ≥230人 |"])
    upload = SimpleUploadedFile("form.txt", text.encode())
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026, "files": [upload]})
    cells = page.content.decode().split("<tbody>", 1)[-1]
    assert "（未命名项目）" in cells and "<td>项目绩效目标表</td>" not in cells


def test_a_zip_of_files_is_read_file_by_file(org, sample_bytes, other_sample_bytes):
    stored = sheets_import(user=org["owner"], unit=org["township"], year=2026,
                           files=[("batch.zip", _zip(**{"a.txt": sample_bytes, "b.txt": other_sample_bytes}))])
    assert len(stored) == 4
    assert {s.source for s in stored} == {"batch.zip/a.txt", "batch.zip/b.txt"}


def test_a_zip_that_cannot_be_opened_is_refused_by_name_and_imports_nothing(org, sample_bytes):
    with pytest.raises(ImportRefused, match="v14.zip：压缩包已损坏，无法打开"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026,
                      files=[("good.txt", sample_bytes), ("v14.zip", zip_of_unsupported_version(**{"a.txt": sample_bytes}))])
    assert not Sheet.objects.exists()


def test_an_unreadable_file_in_the_batch_imports_nothing(org, sample_bytes):
    with pytest.raises(ImportRefused, match="broken.docx"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026,
                      files=[("good.txt", sample_bytes), ("broken.docx", b"PK\x03\x04 not really a docx")])
    assert not Sheet.objects.exists()


def test_a_report_in_prose_is_refused_as_holding_no_table(org, sample_bytes):
    # jixiao reads its sentences for `check`, but a report with no table has nothing to import
    report = PROSE_REPORT.read_bytes()
    with pytest.raises(ImportRefused, match="report.txt：文件中没有找到绩效目标表，只有正文叙述"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026,
                      files=[("good.txt", sample_bytes), ("report.txt", report)])
    assert not Sheet.objects.exists()


def test_a_failure_half_way_through_storing_leaves_nothing(org, sample_bytes, other_sample_bytes, monkeypatch):
    real, calls = Sheet.save, []

    def failing_on_third(sheet, *args, **kwargs):
        calls.append(sheet.name)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(sheet, *args, **kwargs)

    monkeypatch.setattr(Sheet, "save", failing_on_third)
    with pytest.raises(RuntimeError):
        sheets_import(user=org["owner"], unit=org["township"], year=2026,
                      files=[("a.txt", sample_bytes), ("b.txt", other_sample_bytes)])
    assert len(calls) == 3 and not Sheet.objects.exists() and not HistoryEntry.objects.exists()


@pytest.mark.parametrize(("person", "status"), [("owner", 200), ("admin", 200), ("reviewer", 403)])
def test_who_may_open_the_import_page(org, login, person, status):
    assert login(org[person]).get("/sheets/import/").status_code == status


def test_import_into_a_unit_one_cannot_edit_is_refused(org, sample_bytes):
    from django.core.exceptions import PermissionDenied
    with pytest.raises(PermissionDenied):
        sheets_import(user=org["outsider"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])


@pytest.mark.parametrize("file_format", ["json", "docx", "xlsx"])
def test_export_of_a_unit_and_year_reads_back(org, login, exported, sample_bytes, file_format):
    from jixiao.documents import read_bytes
    sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    response = exported(login(org["reviewer"]), "sheets", {"unit": org["township"].pk, "year": 2026,
                                                           "format": file_format})
    assert response.status_code == 200 and f".{file_format}" in response["Content-Disposition"]
    document = read_bytes(response.content, f"export.{file_format}")
    assert [s.code for s in document.sheets] == ["434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"]
    assert document.sheets[0].unit.code == "434016"
    assert [len(s.indicators) for s in document.sheets] == [8, 7]


def test_a_project_already_stored_for_the_unit_and_year_is_not_imported_again(org, login, sample_bytes):
    sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("sample.txt", sample_bytes)])
    client = login(org["owner"])
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                           "files": [SimpleUploadedFile("again.txt", sample_bytes)]})
    text = page.content.decode()
    assert "项目“434-4.05-JXN-4QXO”在遵化市西留村乡人民政府2026年度已有目标表（草稿）" in text
    assert "确认导入" not in text
    with pytest.raises(ImportRefused, match="已有目标表"):
        imports.import_confirm(user=org["owner"], pending_id=page.context["pending"].pk)
    assert Sheet.objects.count() == 2


def test_another_year_or_a_deleted_sheet_is_no_conflict(org, sample_bytes):
    first = sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("sample.txt", sample_bytes)])
    assert len(sheets_import(user=org["owner"], unit=org["township"], year=2027, files=[("s.txt", sample_bytes)])) == 2
    for sheet in first:
        sheets.sheet_delete(user=org["owner"], sheet_id=sheet.pk)
    assert len(sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("s.txt", sample_bytes)])) == 2


def test_the_same_project_twice_in_one_upload_is_refused(org, sample_bytes):
    with pytest.raises(ImportRefused, match="在上传的文件中出现了两次（a.txt、b.txt）"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026,
                      files=[("a.txt", sample_bytes), ("b.txt", sample_bytes)])
    assert not Sheet.objects.exists()


def _of_year(sample: bytes, year: int) -> bytes:
    return sample.replace("乡镇环境治理经费（西留村）绩效目标表".encode(), f"{year}年度乡镇环境治理经费（西留村）绩效目标表".encode())


@pytest.mark.parametrize(("sheet", "named"), [
    (GoalSheet(title="2025年度乡镇环境治理经费绩效目标表", name="乡镇环境治理经费", code="P-1", year=2025),
     "乡镇环境治理经费"),
    (GoalSheet(name="乡镇环境治理经费", code="P-1", year=2025), "乡镇环境治理经费"),
    (GoalSheet(code="P-1", year=2025), "P-1"),
])
def test_a_table_of_another_year_is_named_by_its_project_name_else_its_key(sheet, named):
    # the one wording of the import's and the self-evaluation audit's refusal
    assert imports.year_mismatch("a.txt", sheet, 2027) == f"a.txt：项目“{named}”写的是 2025 年度，所选年度为 2027 年"
    assert imports.year_mismatch("a.txt", sheet, 2025) is None
    assert imports.year_mismatch("a.txt", sheet.model_copy(update={"year": None}), 2027) is None


def test_the_projects_of_a_file_under_one_title_are_each_named_in_its_year_warnings():
    """A file of several projects under one printed title (dev document 121): each warning names its project, as
    the unit's warnings do, not the title they share."""
    title = "2025年度部门项目支出绩效目标表"
    document = Document(sheets=[GoalSheet(title=title, name="道路养护", code="P-1", year=2025),
                                GoalSheet(title=title, name="环境整治", code="P-2", year=2025),
                                GoalSheet(title=title, code="P-3", year=2025)])
    assert imports.import_year_mismatches(2026, [imports.ReadFile("a.docx", document)]) == [
        "a.docx：项目“道路养护”写的是 2025 年度，所选年度为 2026 年",
        "a.docx：项目“环境整治”写的是 2025 年度，所选年度为 2026 年",
        "a.docx：项目“P-3”写的是 2025 年度，所选年度为 2026 年"]


def test_a_file_of_another_year_is_warned_in_the_preview_and_stored_only_when_confirmed(org, login, sample_bytes):
    client = login(org["owner"])
    upload = SimpleUploadedFile("old.txt", _of_year(sample_bytes, 2025))
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2027, "files": [upload]})
    text = page.content.decode()
    assert "old.txt：项目“乡乡环境治理经费（西留村）”写的是 2025 年度，所选年度为 2027 年" in text  # as the sample prints it
    assert 'name="accept_year"' in text
    pending = page.context["pending"].pk
    refused = client.post(f"/sheets/import/{pending}/confirm/", follow=True)
    assert "文件中的年度与所选年度不同" in refused.content.decode() and not Sheet.objects.exists()
    with pytest.raises(ImportRefused, match="写的是 2025 年度"):
        sheets_import(user=org["owner"], unit=org["township"], year=2027, files=[("old.txt", _of_year(sample_bytes, 2025))])
    assert not Sheet.objects.exists()
    stored = sheets_import(user=org["owner"], unit=org["township"], year=2027,
                           files=[("old.txt", _of_year(sample_bytes, 2025))], accept_year=True)
    assert {s.year for s in stored} == {2027}


def test_a_file_of_the_chosen_year_and_unit_imports_without_a_warning(org, login, sample_bytes):
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                                        "files": [SimpleUploadedFile("s.txt", _of_year(sample_bytes, 2026))]})
    text = page.content.decode()
    assert "year-warning" not in text and "unit-warning" not in text and 'name="accept_unit"' not in text


def _of_unit(sample: bytes, code: str, name: str) -> bytes:
    return sample.replace("434016遵化市西留村乡人民政府".encode(), f"{code}{name}".encode())


def test_a_file_of_another_unit_is_warned_in_the_preview_and_stored_only_when_confirmed(org, login, sample_bytes):
    # Stored under the unit chosen, another unit's table would be submitted, approved and published as its own.
    client = login(org["owner"])
    other = _of_unit(sample_bytes, "999001", "丁镇人民政府")
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                           "files": [SimpleUploadedFile("other.txt", other)]})
    text = page.content.decode()
    assert ("other.txt：项目“乡乡环境治理经费（西留村）”写的单位是“999001 丁镇人民政府”，"
            "所选单位为“遵化市西留村乡人民政府”") in text
    assert 'id="unit-warning"' in text and 'name="accept_unit"' in text and 'name="accept_year"' not in text
    pending = page.context["pending"].pk
    refused = client.post(f"/sheets/import/{pending}/confirm/", follow=True)
    assert "文件中写的单位与所选单位不同" in refused.content.decode() and not Sheet.objects.exists()
    with pytest.raises(ImportRefused, match="写的单位是“999001 丁镇人民政府”"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("other.txt", other)])
    assert not Sheet.objects.exists()
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                           "files": [SimpleUploadedFile("other.txt", other)]})
    client.post(f"/sheets/import/{page.context['pending'].pk}/confirm/", {"accept_unit": "1"})
    assert {s.unit for s in Sheet.objects.all()} == {org["township"]}


def test_a_shortened_name_of_the_chosen_unit_is_no_other_unit(org, sample_bytes):
    stored = sheets_import(user=org["owner"], unit=org["township"], year=2026,
                           files=[("s.txt", _of_unit(sample_bytes, "", "西留村乡政府"))])
    assert len(stored) == 2


def test_a_damaged_word_file_is_called_damaged(org):
    with pytest.raises(ImportRefused, match="broken.docx：文件已损坏"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("broken.docx", b"\x00\x01garbage" * 50)])


def test_import_forms_announce_long_work_and_disable_their_buttons(org, login, sample_bytes):
    client = login(org["owner"])
    assert 'data-busy="正在上传并读取文件' in client.get("/sheets/import/").content.decode()
    page = client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                          "files": [SimpleUploadedFile("s.txt", sample_bytes)]}).content.decode()
    assert 'data-busy="正在导入' in page and "jixiao/forms.js" in page


def test_a_value_too_long_for_its_column_refuses_the_batch_naming_file_and_field(org, sample_bytes):
    long_name = sample_bytes.decode().replace("\t乡乡维稳经费（西留村）", "\t" + "很长的项目名称" * 40, 1).encode()
    with pytest.raises(ImportRefused, match="long.txt 项目.*“项目名称”：确保该变量包含不超过 200 字符.*整批未导入"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("long.txt", long_name)])
    assert not Sheet.objects.exists()


def test_the_findings_an_import_stores_are_a_fresh_review_of_the_stored_sheet(org):
    # An import reviews each sheet before it is stored (outside the write's transaction); what it stores must be
    # what reviewing the stored sheet gives, as every later edit does. The dev corpus's goal tables, each
    # imported into its own year so that no two collide.
    documents = [e for e in load_manifest() if e.split == "dev" and e.kind == "goal"]
    compared = []
    for year, entry in enumerate(documents, start=2001):
        try:
            sheets_import(user=org["owner"], unit=org["township"], year=year, accept_year=True, accept_unit=True,
                          files=[(entry.path.name, document_bytes(entry.path))])
        except ImportRefused as refused:
            assert entry.path.name in refused.message  # a refusal names the file
            continue
        for sheet in Sheet.objects.filter(year=year).prefetch_related("findings"):
            fresh = sheet_review(sheet)
            stored = (sheet.suggested_grade, sheet.score, sheet.error_count, sheet.warning_count, sheet.info_count,
                      [(r.rule, r.severity, r.row, r.blocking, r.data) for r in sheet.findings.all()])
            assert stored == (fresh.grade, fresh.score, fresh.count("error"), fresh.count("warning"),
                              fresh.count("info"), [(f.rule, f.severity, f.row, f.blocking,
                                                     f.finding.model_dump(mode="json")) for f in fresh.findings])
            compared.append(sheet.year)
    assert compared, "no goal document of the corpus was imported"


def test_projects_another_import_stored_while_this_one_reviewed_refuse_the_batch(org, sample_bytes, monkeypatch):
    # The sheets are reviewed before the write's transaction; the projects are checked again inside it.
    real, meanwhile = imports.sheet_prepare, []

    def prepare(**kwargs):
        if not meanwhile:
            meanwhile.append("b.txt")
            sheets_import(user=org["colleague"], unit=org["township"], year=2026, files=[("b.txt", sample_bytes)])
        return real(**kwargs)

    monkeypatch.setattr(imports, "sheet_prepare", prepare)
    with pytest.raises(ImportRefused, match="已有目标表（草稿）"):
        sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    assert meanwhile and set(Sheet.objects.values_list("source", flat=True)) == {"b.txt"}


# Real goal tables whose 万元 budgets print three or four decimals (2279.048, 6923.3552): once refused outright.
_MANY_PLACES = ("005", "011", "142", "149")


@pytest.mark.parametrize("number", _MANY_PLACES)
def test_a_budget_with_more_than_two_decimals_is_stored_as_the_document_prints_it(org, number):
    from jixiao.documents import read_bytes
    entry = next(e for e in load_manifest() if e.path.name.startswith(f"{number}_"))
    data = document_bytes(entry.path)
    printed = [(s.budget.total, s.budget.fiscal, s.budget.other) for s in read_bytes(data, entry.path.name).sheets]
    assert any(v is not None and v.as_tuple().exponent < -2 for budget in printed for v in budget)
    stored = sheets_import(user=org["owner"], unit=org["township"], year=2001, accept_year=True, accept_unit=True,
                           files=[(entry.path.name, data)])
    assert [(s.budget_total, s.budget_fiscal, s.budget_other)
            for s in Sheet.objects.filter(pk__in=[s.pk for s in stored]).order_by("pk")] == printed


def test_a_budget_beyond_six_decimals_refuses_the_batch_naming_file_project_and_field(org, sample_bytes):
    finer = sample_bytes.replace("\t18.00\n".encode(), "\t18.1234567\n".encode(), 1)
    with pytest.raises(ImportRefused) as refused:
        sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[("fine.txt", finer)])
    assert refused.value.message == ("fine.txt 项目“434-4.05-JXN-4QXO”“预算数”：确认小数不超过 6 位，整批未导入")
    assert not Sheet.objects.exists()


def test_a_budget_of_four_decimals_is_shown_as_printed_not_padded_to_the_columns_six(org, login):
    entry = next(e for e in load_manifest() if e.path.name.startswith("142_"))
    [sheet] = sheets_import(user=org["owner"], unit=org["township"], year=2022, accept_unit=True,
                            files=[(entry.path.name, document_bytes(entry.path))])
    client = login(org["owner"])
    listed = client.get("/sheets/", {"year": 2022}).content.decode()
    paper = client.get(f"/sheets/{sheet.pk}/").content.decode()
    assert "153.5184 万元" in listed and "153.5184<" in paper and "153.518400" not in listed + paper


def test_a_year_only_the_project_name_states_is_checked_against_the_chosen_one(org, login):
    # corpus 200: 雨露计划绩效目标申报表 prints no year but its project, 2023年雨露计划就学补助项目
    text = "\n".join(["雨露计划绩效目标申报表", "| 项目名称 | 2023年雨露计划就学补助项目 |",
                      "| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 资助人数 | ≥101人 |",
                      "| 满意度指标 | 服务对象满意度指标 | 受助学生满意度 | ≥95% |"])
    page = login(org["owner"]).post("/sheets/import/", {
        "unit": org["township"].pk, "year": 2027, "files": [SimpleUploadedFile("雨露计划.txt", text.encode())]})
    assert "写的是 2023 年度，所选年度为 2027 年" in page.content.decode()


def _rows(html: str) -> dict[str, list[str]]:
    """The cells of a table's rows (tags stripped), by the first cell that names a project."""
    import re
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[-1], re.S):
        cells = [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if cells:
            rows[next(c for c in cells if c and not c.startswith("遵化"))] = cells
    return rows


@pytest.mark.parametrize(("stem", "year"), [("022_", 2022), ("121_", 2023)])
def test_the_preview_shows_budget_and_problems_as_the_list_then_does(org, login, stem, year):
    # 022: a budget read without its unit (100); a sheet with only a 提示 (the list says 无 问题). 121: a sheet
    # without a budget (no "— 万元").
    entry = next(e for e in load_manifest() if e.split == "dev" and e.path.name.startswith(stem))
    client = login(org["owner"])
    upload = SimpleUploadedFile(entry.path.name, document_bytes(entry.path))
    preview = client.post("/sheets/import/", {"unit": org["township"].pk, "year": year, "files": [upload]})
    client.post(f"/sheets/import/{preview.context['pending'].pk}/confirm/", {"accept_year": "1", "accept_unit": "1"})
    listed = _rows(client.get("/sheets/", {"year": year}).content.decode())
    shown = _rows(preview.content.decode())
    assert set(shown) == set(listed)
    for name, cells in shown.items():  # 项目 预算数 指标数 问题 建议等级 | 单位 编码 项目 预算数 状态 问题 建议等级 …
        assert (cells[1], cells[3], cells[4]) == (listed[name][3], listed[name][5], listed[name][6]), name
    assert "— 万元" not in str(shown) + str(listed)

import json
import subprocess
import sys


def jixiao(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=cwd)


def test_parse_json_contract(sample_path):
    result = jixiao("parse", "--format", "json", str(sample_path))
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert set(document) >= {"source", "unit", "overall", "sheets", "diagnostics"}
    assert document["unit"] == {"code": "434016", "name": "遵化市西留村乡人民政府"}
    sheet = document["sheets"][0]
    assert set(sheet) >= {"title", "code", "name", "money_unit", "budget", "purpose", "spend_plan", "goals", "indicators"}
    assert sheet["budget"] == {"total": "18.00", "fiscal": "18.00", "other": None}
    assert sheet["spend_plan"][0] == {"label": "3月底", "percent": "30.00"}
    indicator = sheet["indicators"][3]
    assert set(indicator) >= {"level1", "level2", "name", "description", "target", "weight", "direction", "basis"}
    assert {k: indicator["target"][k] for k in ("raw", "operator", "value", "unit", "qualitative")} == {
        "raw": "≥24400%百分比,全乡人口24400人", "operator": "≥", "value": "24400", "unit": "%", "qualitative": None,
    }


def test_parse_table_shows_sheets_and_understood_targets(sample_path):
    result = jixiao("parse", str(sample_path))
    assert result.returncode == 0
    assert "434-4.05-JXN-4QXO" in result.stdout and "≥24400%" in result.stdout


def test_parse_unreadable_file_exits_2_with_a_chinese_message(tmp_path, sample_path):
    junk = tmp_path / "图片.txt"
    junk.write_bytes(b"\x89PNG\x00\x00binary")
    result = jixiao("parse", "--format", "json", str(sample_path), str(junk))
    assert result.returncode == 2
    assert "图片.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1  # the readable file is still reported


def test_bad_usage_exits_2_without_traceback():
    result = jixiao("parse", "--format", "yaml", "x.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_schema_is_json_schema_of_a_document():
    result = jixiao("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document" and "sheets" in schema["properties"]


def test_export_json_then_parse_again(tmp_path, sample_path):
    out = tmp_path / "sample.json"
    assert jixiao("export", str(sample_path), "--to", "json", "-o", str(out)).returncode == 0
    again = json.loads(jixiao("parse", "--format", "json", str(out)).stdout)["documents"][0]
    assert [s["code"] for s in again["sheets"]] == ["434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"]


def test_export_refuses_unknown_format(sample_path):
    result = jixiao("export", str(sample_path), "--to", "odt")
    assert result.returncode == 2 and "不支持的目标格式" in result.stderr


def test_export_to_pdf_in_the_official_layout(tmp_path, sample_path):
    out = tmp_path / "sample.pdf"
    result = jixiao("export", str(sample_path), "--to", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    import pdfplumber
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "乡镇环境治理经费" in text and "村人居环境整治个数" in text

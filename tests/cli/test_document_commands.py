import json
import re
import subprocess
import sys
from pathlib import Path

from tests.documents.test_diagnostics_as_data import HOSTILE, SET_ASIDE


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
    assert sheet["budget"] == {"total": "18.00", "fiscal": "18.00", "other": None, "sources": {}}
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


def _keys(value, into: set[str]) -> set[str]:
    """Every key of every object in ``value``, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            into.add(key)
            _keys(item, into)
    elif isinstance(value, list):
        for item in value:
            _keys(item, into)
    return into


def _without_params(value: object) -> object:
    """``value`` with the parameters of every message in it (a dict with a ``template``) left empty."""
    if isinstance(value, list):
        return [_without_params(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {key: {} if key == "params" and "template" in value else _without_params(item) for key, item in value.items()}


def test_the_readmes_json_contract_names_the_keys_parse_prints():
    """The README's contract block is what other tools code against: every name in it is printed (on a goal table, a
    printed self-evaluation, a monitoring table and a report in prose), and every key printed is named there."""
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("## The `parse --format json` contract", 1)[1].split("```", 2)[1]
    named = set(re.findall(r'"([a-z_0-9]+)"', block))
    corpus = root.parent / "shared" / "corpus"
    files = [root / "tests/fixtures/sample.txt", *corpus.glob("006_*"), *corpus.glob("016_*"),
             root / "tests/fixtures/prose_report.txt",  # (a report in prose: its `prose` keys)
             # (a dev form of the span and the year side by side, 项目期 3年 and 中期资金总额: its `period` keys)
             root / "tests/corpus/docs/279_anhui-luan-agriculture-quality-testing-midterm-annual-goal-2024.txt"]
    result = jixiao("parse", "--format", "json", *map(str, files))
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    # the keys of a message's `params` (a diagnostic's, a target note's) are its template's slots, not part of the
    # contract
    printed = _keys(_without_params(output), set())
    # the keys of `extra` are the document's own headings, not part of the contract
    printed -= {key for document in json.loads(result.stdout)["documents"] for sheet in document["sheets"]
                for indicator in sheet["indicators"] for key in (indicator.get("extra") or {})}
    assert named - printed == set(), "named in the README but never printed"
    assert printed - named == set(), "printed but not named in the README"


def test_parse_json_gives_each_diagnostic_its_template_and_parameters_beside_its_message(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(SET_ASIDE, encoding="utf-8")
    result = jixiao("parse", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    [note] = [d for d in document["diagnostics"] if d["code"] == "P108"]
    assert note["template"] == "本行没有三级指标和指标值，未读作指标：{text_cell_1}｜{text_cell_2}"
    assert note["params"] == {"text_cell_1": next(line.strip() for line in SET_ASIDE.splitlines() if HOSTILE in line),
                              "text_cell_2": "-"}
    assert note["message"] == note["template"].format(**note["params"])

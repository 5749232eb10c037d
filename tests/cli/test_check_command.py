"""``jixiao check`` and ``jixiao rules``: exit codes, the JSON contract, configuration and the rich output."""

import json
import subprocess
import sys
from pathlib import Path

from tests.documents.test_diagnostics_as_data import HOSTILE, SET_ASIDE

FIXTURES = Path(__file__).parents[1] / "fixtures"


def jixiao(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=cwd)


def test_json_contract_on_the_sample(sample_path):
    result = jixiao("check", "--format", "json", str(sample_path))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    finding = next(f for f in report["findings"] if f["rule"] == "JX401")
    assert list(finding)[:8] == ["rule", "severity", "dimension", "source", "sheet", "indicator", "message", "fix"]
    # the rate is named in the value cell's prose (社会影响力 | ≥90%,百分比,受援群众投诉率), not by the row: an inference,
    # said beside the message, and a warning
    assert finding["severity"] == "warning" and finding["dimension"] == "规范性"
    assert finding["confidence"] == "inference"
    assert finding["sheet"] == "434-4.05-JXN-YUPI" and finding["indicator"] == "社会影响力"
    assert finding["fix"]["edits"][0]["after"] == "≤" and finding["fix"]["applicability"] == "needs-human"
    assert "财预" in finding["source"]
    sheets = {s["sheet"]: s for s in report["sheets"]}
    assert set(sheets) == {"434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"}
    assert sheets["434-4.05-JXN-4QXO"]["grade"] == "中"
    assert set(sheets["434-4.05-JXN-4QXO"]["counts"]) == {"error", "warning", "info"}
    assert all({"source", "sheet", "grade", "counts"} <= set(s) for s in report["sheets"])


def test_clean_document_exits_0():
    result = jixiao("check", str(FIXTURES / "sample_corrected.txt"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "审核汇总" in result.stdout and "优" in result.stdout


def test_fail_on_and_ignore_decide_the_exit_code(sample_path):
    assert jixiao("check", "--select", "JX606", str(sample_path)).returncode == 0  # info only
    assert jixiao("check", "--select", "JX606", "--fail-on", "info", str(sample_path)).returncode == 1
    assert jixiao("check", "--ignore", "JX1,JX2,JX3,JX4,JX5,JX6,JX7,JX8", str(sample_path)).returncode == 0


def test_exit_zero_reports_but_does_not_fail(sample_path):
    result = jixiao("check", "--exit-zero", str(sample_path))
    assert result.returncode == 0 and "JX401" in result.stdout


def test_unreadable_input_exits_2_after_reporting_the_rest(tmp_path, sample_path):
    junk = tmp_path / "图片.txt"
    junk.write_bytes(b"\x89PNG\x00\x00binary")
    result = jixiao("check", "--format", "json", str(sample_path), str(junk))
    assert result.returncode == 2
    assert "图片.txt" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["sheets"]


def test_bad_usage_exits_2(sample_path, tmp_path):
    assert jixiao("check", "--profile", "不存在", str(sample_path)).returncode == 2
    assert jixiao("check", str(tmp_path)).returncode == 2  # a folder without goal documents
    assert jixiao("check", "--fail-on", "fatal", str(sample_path)).returncode == 2


def test_folder_is_checked_recursively(tmp_path, sample_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text((FIXTURES / "sample_corrected.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = json.loads(jixiao("check", "-f", "json", str(tmp_path)).stdout)
    assert {Path(s["source"]).name for s in report["sheets"]} == {"a.txt", "b.txt"}


def test_configuration_file_is_read_from_the_working_directory(tmp_path, sample_path):
    (tmp_path / "jixiao.toml").write_text('select = ["JX801"]\nfail-on = "warning"\n[parameters.JX801]\nceiling = 100\n',
                                          encoding="utf-8")
    result = jixiao("check", "-f", "json", str(sample_path), cwd=tmp_path)
    assert json.loads(result.stdout)["findings"] == [] and result.returncode == 0
    (tmp_path / "jixiao.toml").write_text('select = ["JX801"]\nfail-on = "warning"\n', encoding="utf-8")
    result = jixiao("check", "-f", "json", str(sample_path), cwd=tmp_path)
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"JX801"} and result.returncode == 1


def test_pyproject_section_and_a_bad_configuration(tmp_path, sample_path):
    (tmp_path / "pyproject.toml").write_text('[tool.jixiao]\nignore = ["ALL"]\n', encoding="utf-8")
    assert jixiao("check", str(sample_path), cwd=tmp_path).returncode == 0
    (tmp_path / "jixiao.toml").write_text('unknown-key = 1\n', encoding="utf-8")
    result = jixiao("check", str(sample_path), cwd=tmp_path)
    # rich wraps the message at the console's width, inside the path when the temporary folder's name is long
    assert result.returncode == 2 and "jixiao.toml" in result.stderr.replace("\n", "")


def test_text_output_groups_by_document_and_sheet(sample_path):
    result = jixiao("check", str(sample_path))
    assert "sample.txt" in result.stdout and "434-4.05-JXN-4QXO" in result.stdout
    assert "JX303" in result.stdout and "修改建议" in result.stdout and "评分：100" in result.stdout


def test_rules_lists_every_rule_and_explains_one():
    listing = json.loads(jixiao("rules", "--json").stdout)
    assert [r["code"] for r in listing][:2] == ["JX001", "JX101"] and len(listing) >= 50
    assert next(r for r in listing if r["code"] == "JX705")["enabled"] is False
    explained = jixiao("rules", "jx401")
    assert explained.returncode == 0
    for section in ("检查内容", "为什么是问题", "错误示例", "正确示例", "修复说明", "依据", "≥90%", "≤5%"):
        assert section in explained.stdout
    assert jixiao("rules", "JX999").returncode == 2


def test_form_can_be_set_and_an_unknown_form_is_refused(sample_path):
    result = jixiao("check", "--exit-zero", "--format", "json", "--form", "central-88", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert {sheet["form"] for sheet in json.loads(result.stdout)["sheets"]} == {"central-88"}
    refused = jixiao("check", "--form", "nowhere", str(sample_path))
    assert refused.returncode == 2 and "nowhere" in refused.stderr


def test_each_sheet_is_headed_by_its_name_and_its_code_only_when_it_has_one(sample_path, tmp_path):
    coded = jixiao("check", str(sample_path)).stdout
    assert "乡乡维稳经费（西留村）  434-4.05-JXN-YUPI  表样" in coded
    uncoded = tmp_path / "无编码.txt"
    uncoded.write_text(sample_path.read_text(encoding="utf-8").replace("434-4.05-JXN-YUPI", ""), encoding="utf-8")
    # Without a code the key is the name: it was printed twice (corpus 212: “共享工程  共享工程”).
    output = jixiao("check", str(uncoded)).stdout
    assert "乡乡维稳经费（西留村）  表样" in output and "乡乡维稳经费（西留村）  乡乡维稳经费（西留村）" not in output


def test_a_sheet_with_no_indicator_read_is_shown_ungraded():
    # corpus 121: a table of amounts (日常办公设备购买和运行维护) read as a sheet without any indicator header (P101);
    # nobody reviewed it, so it is 未评 in the text and has no grade or score in the JSON, beside the graded sheets
    path = Path(__file__).parents[1] / "corpus" / "docs" / "121_chongqing-tongnan-wugui-town-general-projects-goal-2023.txt"
    sheets = {s["name"]: s for s in json.loads(jixiao("check", "--format", "json", str(path)).stdout)["sheets"]}
    unread = sheets["日常办公设备购买和运行维护"]
    assert (unread["grade"], unread["score"]) == (None, None)
    assert unread["explain"] == "没有读到这张表的绩效指标，无从审核，未评等级"
    assert {s["grade"] for name, s in sheets.items() if name != "日常办公设备购买和运行维护"} <= {"优", "良", "中", "差"}
    text = jixiao("check", str(path)).stdout
    shown = text.split("日常办公设备购买和运行维护")[1].split("审核汇总")[0]
    assert "建议等级 未评" in shown and "最高评为" not in shown


def test_json_gives_a_reader_note_its_template_and_parameters_spliced_into_jx001(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(SET_ASIDE, encoding="utf-8")
    report = json.loads(jixiao("check", "--exit-zero", "--format", "json", str(path)).stdout)
    [note] = [f for f in report["findings"] if f["rule"] == "JX001" and f["params"]["diagnostic"] == "P108"]
    assert note["template"] == "本行没有三级指标和指标值，未读作指标：{message_text_cell_1}｜{message_text_cell_2}（读取代码 {diagnostic}）"
    assert HOSTILE in note["params"]["message_text_cell_1"] and note["params"]["message_text_cell_2"] == "-"
    assert note["message"] == note["template"].format(**note["params"])

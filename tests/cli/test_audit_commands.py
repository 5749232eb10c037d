"""The audit of printed self-evaluations on the command line: ``jixiao check`` runs the audit rules with the
review rules, ``jixiao score FILE`` (no ``--actuals``) prints the recomputation beside the printed table.

The sample is shared/corpus/006 (池州市贵池区棠溪镇 委托业务 2022) transcribed: its 预算执行率 row prints 执行率 0
and 得分 0 although 89.974 of 89.974 was spent; the file is cut before the 满意度 row, so the weights add to 90.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).parents[1] / "fixtures" / "selfeval_tangxi_2022.json"


def jixiao(*args: str, columns: int = 160) -> subprocess.CompletedProcess:
    """Run the command with a fixed console width, so that the tables wrap the same way everywhere."""
    env = os.environ | {"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, env=env)


def test_check_reports_audit_findings_in_the_check_contract():
    result = jixiao("check", "--format", "json", str(SAMPLE))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    audit = {f["rule"]: f for f in report["findings"] if f["rule"].startswith("JXA")}
    assert sorted(audit) == ["JXA04", "JXA08", "JXA17", "JXA23"]  # JXA17: actuals that only say 达成预期指标
    execution = audit["JXA04"]
    assert list(execution)[:8] == ["rule", "severity", "dimension", "source", "sheet", "indicator", "message", "fix"]
    assert (execution["severity"], execution["dimension"], execution["indicator"]) == ("error", "准确性", "预算执行率")
    assert execution["message"] == "所印执行率 0%，全年执行数 89.974 ÷ 全年预算数 89.974 = 100.00%"
    assert execution["file"] == SAMPLE.name
    (sheet,) = report["sheets"]
    assert sheet["counts"]["error"] == sum(f["severity"] == "error" for f in report["findings"])
    assert sheet["audit"] == {"printed_total": None, "printed_sum": "80", "printed_grade": None,
                              "expected_total": "90", "expected_grade": "优"}
    assert report["scoring_profile"] == "central"


def test_check_text_output_shows_the_audit_line():
    result = jixiao("check", "--select", "JXA", str(SAMPLE))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "  JXA04 错误 [准确性] 所印执行率 0%，全年执行数 89.974 ÷ 全年预算数 89.974 = 100.00%" in lines
    assert ("  自评复核：所印总分 —（等级 —）；各行所印得分合计 80；复算总分 90（等级 优）"
            "；“经费支出合规性”、“提交报告及时性”、“单项业务成本”等 6 行无法复算，按所印得分计入复算总分") in lines
    assert not any(line.startswith("  JX1") for line in lines)  # --select keeps only the audit


def test_ignore_and_scoring_profile_options():
    ignored = json.loads(jixiao("check", "--format", "json", "--ignore", "JXA", str(SAMPLE)).stdout)
    assert not [f for f in ignored["findings"] if f["rule"].startswith("JXA")]
    hubei = json.loads(jixiao("check", "--format", "json", "--scoring-profile", "hubei", str(SAMPLE)).stdout)
    assert hubei["scoring_profile"] == "hubei"
    wrong = jixiao("check", "--scoring-profile", "不存在的方案", str(SAMPLE))
    assert wrong.returncode == 2 and "不存在的方案" in wrong.stderr and "Traceback" not in wrong.stderr


def test_score_prints_the_printed_and_recomputed_table_side_by_side():
    result = jixiao("score", str(SAMPLE), "--profile", "central")
    assert result.returncode == 1, result.stderr  # JXA04 is an error
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "所印得分" in line)
    assert [cell.strip() for cell in header.strip("┃").split("┃")] == [
        "序号", "指标", "分值", "所印得分", "复算得分", "差额", "计算方法"]
    execution = next(line for line in lines if "预算执行率" in line and "│" in line)
    assert [cell.strip() for cell in execution.strip("│").split("│")][:6] == ["0", "预算执行率", "10", "0", "10", "-10 ✗"]
    count = next(line for line in lines if "基建工程委托业务项目数量" in line)
    cells = [cell.strip() for cell in count.strip("│").split("│")]
    assert cells[:6] == ["1", "基建工程委托业务项目数量", "8", "8", "8", "0"]
    assert cells[6].startswith("得分 = 分值 8 × 实际值 50个 ÷ 目标值 50个（超过100%按100%计）")
    assert ("所印总分 —（等级 —）；各行所印得分合计 80；复算总分 90（等级 优）"
            "；“经费支出合规性”、“提交报告及时性”、“单项业务成本”等 6 行无法复算，按所印得分计入复算总分") in lines
    assert any(line.startswith("  JXA08 警告 各行分值合计 90（含预算执行率 10），应为 100") for line in lines)
    assert "自评表复核发现 1 个错误" in result.stderr


def test_score_json_lists_every_row_with_its_formula():
    result = jixiao("score", str(SAMPLE), "--format", "json")
    payload = json.loads(result.stdout)
    (audit,) = payload["audits"]
    assert payload["profile"] == "central" and audit["sheet"] == "委托业务项目"
    execution = audit["items"][0]
    assert {k: execution[k] for k in ("name", "weight", "printed", "expected", "difference", "off")} == {
        "name": "预算执行率", "weight": "10", "printed": "0", "expected": "10", "difference": "-10", "off": True}
    assert len(audit["items"]) == 10 and audit["items"][3]["expected"] is None  # 经费支出合规性 is qualitative
    assert (audit["expected_total"], audit["expected_grade"]) == ("90", "优")
    explanation = audit["total_explanation"]  # a message as a finding's is: the qualitative rows stand
    assert set(explanation) == {"template", "params", "message"}
    assert explanation["message"].endswith("等 6 行无法复算，按所印得分计入复算总分")
    assert "经费支出合规性" in explanation["params"].values() and "经费支出合规性" not in explanation["template"]
    assert sorted(f["rule"] for f in audit["findings"]) == ["JXA04", "JXA08", "JXA17", "JXA17", "JXA17", "JXA17",
                                                              "JXA17", "JXA17", "JXA23"]


def test_score_without_actuals_on_a_goal_sheet_says_what_is_missing(sample_path):
    result = jixiao("score", str(sample_path))
    assert result.returncode == 2 and "--actuals" in result.stderr and "Traceback" not in result.stderr


def test_a_finding_on_a_row_read_with_inferred_columns_says_so(tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["sheets"][0]["indicators"][2]["confidence"] = 0.8  # 经费支出合规性: the reader inferred its columns
    guessed = tmp_path / SAMPLE.name
    guessed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = jixiao("check", "--select", "JXA17", str(guessed)).stdout.splitlines()
    marked = [line for line in lines if line.startswith("  JXA17") and line.endswith("（版式推测）")]
    assert len(marked) == 1 and "经费支出合规性" in marked[0]
    assert len([line for line in lines if line.startswith("  JXA17")]) == 6


def test_a_printed_self_evaluation_without_a_code_is_headed_by_its_name_once():
    # corpus 212 (共享工程) prints no project code: its key is its name, and the heading printed it twice
    [document] = (Path(__file__).parents[1] / "corpus" / "docs").glob("212_*")
    heading = next(line for line in jixiao("score", str(document)).stdout.splitlines() if "共享工程" in line)
    assert heading.count("共享工程") == 1


def _with_doubt_on_row_12(tmp_path: Path) -> Path:
    """The sample with the reader's word of doubt (P111: columns guessed) on row 12, 经费支出合规性, whose actual only
    says 达成预期指标 (JXA17): the row's cells may not stand where the table has them."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    sheet = data["sheets"][0]
    data["diagnostics"] = [{"code": "P111", "severity": "warning", "message": "无法确定本行各单元格所属的列",
                            "location": {"sheet": sheet["name"], "table": sheet["table"], "row": 12}}]
    doubted = tmp_path / SAMPLE.name
    doubted.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return doubted


def test_check_and_score_say_a_doubtful_rows_doubt_once_from_its_confidence(tmp_path):
    # The doubt is the finding's confidence, rendered after the message as （版式推测）; the message never says it too.
    # `jixiao score` hears the reader's diagnostics as `jixiao check` does, so both hold row 12 in doubt.
    doubted = _with_doubt_on_row_12(tmp_path)
    checked = jixiao("check", "--select", "JXA17", str(doubted)).stdout.splitlines()
    scored = jixiao("score", str(doubted)).stdout.splitlines()
    for lines in (checked, scored):
        found = [line for line in lines if line.startswith("  JXA17")]
        marked = [line for line in found if line.endswith("（版式推测）")]
        assert len(found) == 6 and len(marked) == 1 and "第12行" in marked[0] and "经费支出合规性" in marked[0]
        assert marked[0].count("版式推测") == 1 and "读取不确定" not in marked[0]
    as_json = json.loads(jixiao("score", str(doubted), "--format", "json").stdout)
    [sheet] = as_json["audits"]
    [finding] = [f for f in sheet["findings"] if f["rule"] == "JXA17" and f["location"].get("row") == 12]
    assert finding["confidence"] == "guessed-layout" and "读取不确定" not in finding["message"]


def test_score_and_check_recompute_each_printed_self_evaluation_once(monkeypatch):
    # The recomputation shown beside the findings is the one the audit rules read, not a second one.
    from jixiao.cli.batch import Source, read_source
    from jixiao.cli.check_command import check_document
    from jixiao.cli.console import Shape
    from jixiao.cli.score_command import ScorePlan, score_source
    from jixiao.review.profile import load_profile as review_profile
    from jixiao.scoring import load_profile
    from tests.scoring.recomputes import recomputes_counted

    counts = recomputes_counted(monkeypatch)
    scoring = load_profile("central")
    source = Source(str(SAMPLE))
    scored = score_source(source, ScorePlan(profile=scoring, as_json=True, shape=Shape(160, None, False, "utf-8")))
    (sheet,) = read_source(source).value.sheets
    assert '"JXA04"' in scored.value.items[0]
    assert counts == {sheet.key: 1}
    checked = check_document(read_source(source).value, review_profile(), scoring)
    assert checked.audits[sheet.key].expected_total == 90
    assert counts == {sheet.key: 2}

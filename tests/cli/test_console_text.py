"""What users' documents hold is printed as text: a file name, project name or cell holding rich's markup
(``[bold]``, ``[/]``) is shown as it is, neither read as a style (it vanished) nor as a broken tag (a traceback)."""

import json
from pathlib import Path

from tests.cli.test_audit_commands import SAMPLE as SELF_EVALUATION
from tests.cli.test_audit_commands import jixiao

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample.txt"
NAME = "乡乡环境治理经费[/]（西留村）"


def _marked_goal_sheet(tmp_path: Path) -> Path:
    path = tmp_path / "a[bold]b.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("乡乡环境治理经费（西留村）", NAME), encoding="utf-8")
    return path


def test_parse_prints_a_marked_file_name_and_project_name_as_written(tmp_path):
    result = jixiao("parse", str(_marked_goal_sheet(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "a[bold]b.txt" in result.stdout
    assert NAME in result.stdout


def test_check_prints_a_marked_file_name_and_finding_as_written(tmp_path):
    result = jixiao("check", "--exit-zero", str(_marked_goal_sheet(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "a[bold]b.txt" in result.stdout
    assert f"与表内项目名称“{NAME}”不一致" in result.stdout  # JX604 quotes the cell


def test_an_unreadable_marked_file_is_named_as_written(tmp_path):
    junk = tmp_path / "[bold red]x.txt"
    junk.write_bytes(b"\x00\x01not a table")
    result = jixiao("check", str(junk))
    assert result.returncode == 2
    assert "无法读取：" in result.stderr and "[bold red]x.txt" in result.stderr


def test_score_prints_a_marked_indicator_name_as_written(tmp_path):
    document = json.loads(SELF_EVALUATION.read_text(encoding="utf-8"))
    document["sheets"][0]["indicators"][0]["name"] = "基建[/]工程[bold]委托"
    marked = tmp_path / "[dim]selfeval.json"
    marked.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = jixiao("score", str(marked), "--profile", "central")
    assert result.returncode == 1, result.stderr  # JXA04 is an error, as on the unmarked sample
    assert "基建[/]工程[bold]委托" in result.stdout

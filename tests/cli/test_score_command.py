"""``jixiao score-template`` → fill in → ``jixiao score``: the round trip, JSON output, messages and exit codes."""

import json

import pytest
from openpyxl import load_workbook

from tests.cli.test_document_commands import jixiao
from tests.hostile_zips import xlsx_bomb

DEVIATION = "部分村工程延期，下年加快进度"


def _template(tmp_path, sample_path):
    template = tmp_path / "实际值.xlsx"
    result = jixiao("score-template", str(sample_path), "-o", str(template))
    assert result.returncode == 0, result.stderr
    return template


def _fill(template, **cells):
    """Every actual is 100 with a deviation note; ``cells`` overrides, e.g. 指标_H2="16"."""
    book = load_workbook(template)
    projects, indicators = book["项目"], book["指标"]
    for row in range(2, projects.max_row + 1):
        projects.cell(row, 6).value = 15  # 全年执行数
    for row in range(2, indicators.max_row + 1):
        indicators.cell(row, 8).value = 100
        indicators.cell(row, 13).value = DEVIATION
    for name, value in cells.items():
        worksheet, cell = name.split("_")
        book[worksheet][cell] = value
    book.save(template)


def test_template_lists_every_sheet_and_indicator(tmp_path, sample_path):
    book = load_workbook(_template(tmp_path, sample_path))
    projects, indicators = book["项目"], book["指标"]
    assert [c.value for c in projects[1]][:4] == ["项目标识", "项目名称", "来源文件", "全年预算数"]
    assert [projects.cell(r, 1).value for r in (2, 3)] == ["434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"]
    assert projects.cell(2, 4).value == 18 and indicators.max_row == 1 + 8 + 7
    assert [indicators.cell(2, c).value for c in (3, 6, 7)] == [1, "村人居环境整治个数", "≥18全乡18个行政村全覆盖"]


def test_round_trip_scores_every_sheet_as_json(tmp_path, sample_path):
    template = _template(tmp_path, sample_path)
    _fill(template, 指标_H2="16个", 指标_M2=DEVIATION)
    result = jixiao("score", str(sample_path), "--actuals", str(template), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    first, second = payload["scores"]
    assert payload["profile"] == "central" and payload["errors"] == []
    assert first["items"][0]["score"] == "8.33"  # 执行率 15 ÷ 18 of weight 10
    assert first["items"][1]["score"] == "14.81" and first["items"][1]["actual"] == "16个"
    assert "实际值 16个 ÷ 目标值 18个（超过100%按100%计）" in first["items"][1]["explanation"]
    assert first["grade"] in {"优", "良", "中", "差"} and second["sheet"] == "434-4.05-JXN-YUPI"


def test_table_output_and_hubei_profile(tmp_path, sample_path):
    template = _template(tmp_path, sample_path)
    _fill(template, 指标_H2="16", 指标_M2=DEVIATION)
    result = jixiao("score", str(sample_path), "-a", str(template), "--profile", "hubei")
    assert result.returncode == 0, result.stderr
    assert "评分方案：湖北省" in result.stdout and "计算说明" in result.stdout and "等级" in result.stdout


def test_missing_deviation_exits_1_naming_the_cell(tmp_path, sample_path):
    template = _template(tmp_path, sample_path)
    _fill(template, 指标_H2="16", 指标_M2=None)
    result = jixiao("score", str(sample_path), "-a", str(template))
    assert result.returncode == 1
    assert "工作表“指标” 第2行 “偏差原因分析及改进措施”列" in result.stdout.replace("\n", "")


@pytest.mark.parametrize(("cells", "where"), [
    ({"指标_H3": "很多"}, "工作表“指标” 第3行 “实际完成值”列：“很多”无法识别为数值"),
    ({"指标_J4": "还行"}, "工作表“指标” 第4行 “定性档次”列：“还行”不是定性档次"),
    ({"指标_I5": "也许"}, "工作表“指标” 第5行 “不适用”列：应填“是”或“否”"),
    ({"项目_F2": -3}, "工作表“项目” 第2行：应 ≥ 0，现为 -3"),
    ({"指标_C3": 1}, "工作表“指标” 第3行 “序号”列：项目“434-4.05-JXN-4QXO”的第1项指标重复出现"),
    ({"指标_C3": "二"}, "工作表“指标” 第3行 “序号”列：应为指标在表中的序号"),
    ({"指标_H2": None, "指标_J2": "部分达成预期指标并具有一定效果", "指标_K2": 95, "指标_L2": "x"}, "第2行 “得分比例（%）”列：项目“乡乡环境治理经费（西留村）”指标“村人居环境整治个数”定性档次"),
])
def test_bad_actuals_exit_2_naming_worksheet_row_and_column(tmp_path, sample_path, cells, where):
    template = _template(tmp_path, sample_path)
    _fill(template, **cells)
    result = jixiao("score", str(sample_path), "-a", str(template))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert where in result.stderr.replace("\n", "")


def test_json_actuals(tmp_path, sample_path):
    actuals = tmp_path / "actuals.json"
    results = [{"indicator": i, "actual": "100", "deviation": DEVIATION} for i in range(1, 9)]
    actuals.write_text(json.dumps({"evaluations": [{"sheet": "434-4.05-JXN-4QXO", "spent": "18", "results": results}]}))
    result = jixiao("score", str(sample_path), "-a", str(actuals), "-f", "json")
    assert result.returncode == 1  # the second sheet has no actuals
    assert "434-4.05-JXN-YUPI" in result.stderr and len(json.loads(result.stdout)["scores"]) == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--profile", "shanghai"], "没有名为“shanghai”的评分方案"),
    (["-a", "nowhere.xlsx"], "无法打开实际值文件"),
    (["-a", "actuals.csv"], "须为 .xlsx 或 .json"),
])
def test_bad_usage_exits_2(tmp_path, sample_path, args, message):
    (tmp_path / "actuals.csv").write_text("x")
    base = ["score", str(sample_path)] + (["-a", str(tmp_path / "actuals.csv")] if "-a" not in args else [])
    result = jixiao(*base, *[str(tmp_path / a) if a.endswith((".xlsx", ".csv")) else a for a in args])
    assert result.returncode == 2 and message in result.stderr.replace("\n", "")


def test_report_dir_receives_one_self_evaluation_table_per_sheet(tmp_path, sample_path):
    template = _template(tmp_path, sample_path)
    _fill(template)
    reports = tmp_path / "自评表"
    result = jixiao("score", str(sample_path), "-a", str(template), "--report-dir", str(reports), "--report-format", "xlsx")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in reports.iterdir())
    assert written == ["434-4.05-JXN-4QXO_绩效自评表.xlsx", "434-4.05-JXN-YUPI_绩效自评表.xlsx"]
    sheet = load_workbook(reports / written[0]).active
    assert sheet["A1"].value == "项目支出绩效自评表" and sheet["B5"].value == "遵化市西留村乡人民政府"


def test_a_folder_of_sheets_holding_the_actuals_file_too(tmp_path, sample_path):
    folder = tmp_path / "乡镇"
    folder.mkdir()
    (folder / "sample.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    template = folder / "实际值.xlsx"
    assert jixiao("score-template", str(folder), "-o", str(template)).returncode == 0
    _fill(template)
    result = jixiao("score", str(folder), "-a", str(template), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["scores"]) == 2


def test_a_sheet_without_a_code_is_headed_by_its_name_once(tmp_path, sample_path):
    uncoded = tmp_path / "无编码.txt"
    uncoded.write_text(sample_path.read_text(encoding="utf-8").replace("434-4.05-JXN-YUPI", ""), encoding="utf-8")
    template = _template(tmp_path, uncoded)
    _fill(template)
    output = jixiao("score", str(uncoded), "-a", str(template)).stdout
    heading = next(line for line in output.splitlines() if "乡乡维稳经费（西留村）" in line and "─" in line)
    assert heading.count("乡乡维稳经费（西留村）") == 1


def test_an_actuals_file_that_would_unpack_to_far_more_exits_2_unread(tmp_path, sample_path):
    (tmp_path / "bomb.xlsx").write_bytes(xlsx_bomb())
    result = jixiao("score", str(sample_path), "-a", str(tmp_path / "bomb.xlsx"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "实际值文件有误：bomb.xlsx：" in result.stderr and "压缩比为" in result.stderr

"""A messy hand-typed table, the kind finance officers paste from Word into a text file (GBK, full-width spaces,
merged cells dropped, a level 2 missing, unit and money unit on one line)."""

from decimal import Decimal

from jixiao.documents import read_bytes
from jixiao.documents.interpret.text_lists import split_items

MESSY = """2027年度农村道路养护经费项目支出绩效目标表
预算单位：城关镇人民政府　　　　单位：万元
| 项目名称 | 农村道路养护经费 | 项目编码 | 431-2027-ROAD |
| 预算数 | 20.00 | 其中：财政资金 | 20.00 |
| 绩效目标 | 1、养护农村公路１２０公里　2、群众出行满意度提升 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 养护里程 | ≥１２０公里 |
| 质量指标 | 路面完好率 | ≥95％ |
| 满意度指标 | 群众满意度 | ≥90% |
"""


def read_messy():
    return read_bytes(MESSY.encode("gbk"), "道路养护.txt")


def test_unit_and_money_unit_written_on_one_line():
    sheet = read_messy().sheets[0]
    assert sheet.unit.name == "城关镇人民政府" and sheet.money_unit == "万元"
    assert sheet.budget.total == Decimal("20.00")


def test_goal_statements_run_together_in_one_line():
    assert read_messy().sheets[0].goals == ["养护农村公路１２０公里", "群众出行满意度提升"]


def test_row_with_level1_but_no_level2_is_reported_not_guessed():
    document = read_messy()
    satisfaction = document.sheets[0].indicators[-1]
    assert (satisfaction.level1, satisfaction.level2, satisfaction.name) == ("满意度指标", None, "群众满意度")
    reported = [d for d in document.diagnostics if d.code == "P102" and "缺少二级指标" in d.message]
    assert len(reported) == 1 and reported[0].location.line == 9


def test_numbers_after_a_space_split_items_but_decimals_do_not():
    assert split_items("1、甲项工作　2、乙项工作") == ["甲项工作", "乙项工作"]
    assert split_items("增长 3.5%以上") == ["增长 3.5%以上"]


def test_a_line_without_a_marker_character_is_one_item_without_trying_the_markers(monkeypatch):
    # (asked of every paragraph of a header block's goals: the markers' lookahead is tried at every character of
    # a line only when it holds a character a marker needs, the 是 of 一是, a sentence end or a space)
    from jixiao.documents.interpret import text_lists

    class Untried:
        def split(self, line):
            raise AssertionError(f"markers tried on {line!r}")

    monkeypatch.setattr(text_lists, "_INLINE", Untried())
    assert split_items("1、保障全乡重点民生项目顺利实施\n（二）负责全乡财政预算管理") == ["保障全乡重点民生项目顺利实施", "负责全乡财政预算管理"]

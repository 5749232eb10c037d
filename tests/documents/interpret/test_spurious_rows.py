"""Rows that print something in the name column but hold no indicator: they must not become indicator rows (the
review would then report false problems on them). The texts are the corpus documents' own lines."""

from jixiao.documents import read_bytes

# a monitoring form with no level-2 column: 质量 and 时效 stand alone on their rows, nothing beside them
LEVEL_WORDS_ALONE = """黄石市项目支出绩效监控表 (申遗) |
项目名称 | 申遗经费 | |||||
主管部门 | 黄石市文化和旅游局 | 项目执行单位 | 黄石市文物局(湖北水泥遗址博物馆) | |||
绩效指标 | 一级 指标 | 指标名称 | 指标值 |
半年度 指标执行情况 |
完成目标可能性(确定能、有可能、不可能) | 备注 |
产 出 指 标 |
质量 | |||||
时效 | ||||||
成本 | 年度预算220万元 | 按进度执行,已使用约40% | 确定能 | |||
"""


def test_a_level_word_alone_on_its_row_is_no_indicator():
    sheet = read_bytes(LEVEL_WORDS_ALONE.encode(), "申遗监控.txt").sheets[0]
    assert [(i.level2, i.name) for i in sheet.indicators] == [("成本指标", "年度预算220万元")]

"""The words that decide what an indicator measures (data/lexicon.toml)."""

from decimal import Decimal

import pytest

from jixiao.model import parse_target
from jixiao.review.lexicon import (
    Kind,
    basis_sets_standard,
    counted_numbers,
    is_growth,
    is_improvement,
    is_reverse,
    is_timeliness,
    kind_of,
    names_deadline,
    suggested_unit,
    unknown_measure_word,
    vague_word,
)


@pytest.mark.parametrize(("text", "kind"), [
    ("生活污水处理率", Kind.RATE), ("受益人口满意度100%", Kind.SATISFACTION), ("受益人口数", Kind.COUNT),
    ("村人居环境整治个数", Kind.COUNT), ("人民调解案件数", Kind.COUNT), ("环保设施使用年限", Kind.DURATION),
    ("维稳工作经费支出", Kind.MONEY), ("调解矛盾数量占排查纠纷数", Kind.RATE), ("覆盖率（%）", Kind.RATE),
    ("居民消费价格指数", None), ("社会影响力", None), ("长期使用性", None), ("", None), ("满意度", Kind.SATISFACTION),
    # one count divided by another is a rate (corpus 189); a slash between two works is no quotient
    ("实际完成飞行小时数/计划小时数", Kind.RATE), ("新建/改造户数", Kind.COUNT),
])
def test_kind_is_read_from_the_head_of_the_phrase(text, kind):
    assert kind_of(text) is kind


@pytest.mark.parametrize(("name", "deadline"), [
    ("2024年度内完成支付", True), ("春节前完成走访慰问", True), ("12月底前完成验收", True), ("2023年底前竣工", True),
    # a time named without its limit, or a year that only dates the work, sets no deadline
    ("费用结算及时性", False), ("完成2021年吕梁山护工培训任务", False), ("工作安排时间", False),
])
def test_a_name_states_its_own_deadline(name, deadline):
    assert names_deadline(name) is deadline


@pytest.mark.parametrize(("text", "reverse"), [
    ("受援群众投诉率", True), ("安全事故发生次数", True), ("单位建设成本", True), ("群众投诉处理率", False),
    ("事故处置及时率", False), ("减少上访总数的比率", False), ("培训时长", False), ("挽回经济损失", False),
    ("矛盾纠纷调解成功率", False),
    # a clause that opens on a negation asks for the thing to be absent: a state to keep, not a count to fall
    ("资产管理安全性、利用率无资产损失、利用率", False),  # corpus 179
    ("杜绝重大安全事故", False), ("全年零事故", False), ("资产损失率", True), ("无人机故障率", True),
    ("零星维修费用", True),
    # a cost weighed against the work (a match wanted high) is no cost to cut
    ("实际成本与工作内容的匹配程度", False),  # corpus 206
    ("培训费用与培训内容相符", False),
])
def test_reverse_indicators(text, reverse):
    assert is_reverse(text) is reverse


@pytest.mark.parametrize(("name", "improvement"), [
    ("教学条件改善、办学水平提高", True), ("教学质量提高(%)", True), ("办学条件改善情况", False),
    ("教学条件改善、办学水平提高率", False), ("空气质量优良天数比例提高", False), ("", False),
])
def test_improvement_names(name, improvement):
    assert is_improvement(name) is improvement


def test_timeliness_growth_and_vague_words():
    assert is_timeliness("补助资金发放及时率") and not is_timeliness("验收合格率")
    assert is_growth("村集体收入增长率") and not is_growth("设施正常使用率")
    assert vague_word("明显提升") == "明显提升" and vague_word("达到预期") is None and vague_word("≥90%") is None


def test_suggested_units():
    assert suggested_unit(Kind.COUNT, "受益人数") == "人"
    assert suggested_unit(Kind.COUNT, "人民调解案件数") == "件"
    assert suggested_unit(Kind.DURATION, "环保设施使用年限") == "年"
    assert suggested_unit(Kind.SATISFACTION, "满意度") == "%"


def test_counted_numbers_in_arabic_and_chinese_numerals():
    found = counted_numbers("改善14个村生态环境，全乡十八个行政村，一村一品")
    assert [(c.value, c.noun) for c in found] == [(Decimal(14), "村"), (Decimal(18), "村")]
    assert counted_numbers("") == []


@pytest.mark.parametrize(("basis", "verdict"), [
    ("遵政字〔2017〕16号《遵化市乡镇财政管理体制改革暂行办法》", False),
    ("计划标准：《西留村乡综治维稳工作方案》", True),
    ("历史标准：上年调解成功率88%", True),
    ("见附件", None),
])
def test_basis_sets_a_standard(basis, verdict):
    assert basis_sets_standard(basis) is verdict


@pytest.mark.parametrize(("target", "word"), [
    ("按计划完成", "按计划完成"),  # the longest word that opens the target wins over 按计划
    ("按计划完成了", "按计划完成"),
    ("按时完成任务", "按时完成"),  # two characters after the word at most
    ("按时完成全部任务", None),
    ("提高", "提高"),
    ("　明显　提升 ", "明显提升"),  # folded: spacing removed
    ("效果明显", "效果明显"),
    ("显著促进了学前教育发展", "显著促进了"),  # a result opening on a vague adverb
    # an adverb and a verb of change, none listed as a word (corpus 279: 得到提升; 221: 得到有效保障)
    ("得到提升", "得到提升"), ("得到有效保障", "得到有效保障"), ("有所增强", "有所增强"), ("全面提升", "全面提升"),
    ("逐年增加", "逐年增加"), ("大幅度提高", "大幅度提高"), ("不断完善了", "不断完善"),
    # an adverb opening a state (全面覆盖: a coverage), a state kept (保持稳定), a pairing with prose after it
    ("全面覆盖", None), ("保持稳定", None), ("全面提升育人质量和办学水平", None),
    ("", None),
    (None, None),
])
def test_vague_word_is_the_longest_opening_with_two_characters_after_it_at_most(target, word):
    assert vague_word(target) == word


@pytest.mark.parametrize(("raw", "measure_word"), [
    # a measure word the vocabulary lacks, after the number or a compound unit's "/" (corpus 189, 178)
    ("≥6艘", True), ("80元/羽", True),
    # prose after a figure, a known unit, no figure at all
    ("≥100垃圾桶正常使用率100%", False), ("≥3个村庄", False), ("≥18个", False), ("明显提升", False),
])
def test_an_unknown_measure_word_is_told_from_prose(raw, measure_word):
    assert unknown_measure_word(parse_target(raw)) is measure_word

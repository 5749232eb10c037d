import pytest

from jixiao.model import Framework, canonical_level1, canonical_level2, level2_parents


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("效果指标", "效益指标"), ("产出指标", "产出指标"), ("产出", "产出指标"), ("一、产出指标", "产出指标"),
     ("满意度指标", "满意度指标"), ("产出指标(50分)", "产出指标"), ("效益指标（30分）", "效益指标"),
     ("不是指标", None), ("", None)],
)
def test_level1(raw, canonical):
    assert canonical_level1(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("数量", "数量指标"), ("环境效益指标", "生态效益指标"), ("生态效益指标", "生态效益指标"),
     ("社会效益 指标", "社会效益指标"), ("服务对象满意度", "服务对象满意度指标"), ("１.质量指标", "质量指标")],
)
def test_level2(raw, canonical):
    assert canonical_level2(raw) == canonical


def test_frameworks_place_cost_differently():
    assert level2_parents(Framework.LEGACY)["成本指标"] == "产出指标"
    assert level2_parents(Framework.Y2021)["经济成本指标"] == "成本指标"
    assert "成本指标" not in level2_parents(Framework.Y2021)

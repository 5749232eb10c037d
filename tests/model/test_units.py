import pytest

from jixiao.model.units import canonical_unit


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("百分比", "%"), ("km", "公里"), ("M", "米"), ("人数", "人"), ("人/次", "人次"), ("万元/月", "万元/月"),
     ("不是单位", None)],
)
def test_canonical_unit(spelling, canonical):
    assert canonical_unit(spelling) == canonical

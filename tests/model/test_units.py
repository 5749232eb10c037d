import pytest

from jixiao.model.units import canonical_unit


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("百分比", "%"), ("km", "公里"), ("M", "米"), ("人数", "人"), ("人/次", "人次"), ("万元/月", "万元/月"),
     ("不是单位", None),
     # corpus 106 (550万粒), 137 (万条), 122 (万/月), 019 (≤28.40/株: the money unit left out, kept as written)
     ("万粒", "万粒"), ("万条", "万条"), ("万/月", "万/月"), ("/株", "/株"), ("/", None),
     # aircraft counted in 架; a unit price per 平米 (the everyday spelling of 平方米), kept as written
     ("架", "架"), ("元/平米", "元/平米"),
     # corpus 212: a storage device bought for a library's system (25TB)
     ("TB", "TB"), ("GB", "GB"),
     # corpus 205: a service-trade fund counts its exports in 万美元
     ("万美元", "万美元"), ("美元", "美元"),
     # a denominator joined by a full stop typed for the middle dot, or its unit written after 每 (per day, per person)
     ("元/人.每天", "元/人·天"), ("元/人.天", "元/人·天"), ("元/每人", "元/人"), ("万元/每公里", "万元/公里"),
     ("元/.", None), ("元/每", None),
     # corpus 338 (=710元/人月: per person and month), 340 (≥330台套), 342 (PM2.5 ≤25微克/立方米)
     ("元/人月", "元/人·月"), ("人月", "人·月"), ("台套", "台套"), ("微克/立方米", "微克/立方米")],
)
def test_canonical_unit(spelling, canonical):
    assert canonical_unit(spelling) == canonical

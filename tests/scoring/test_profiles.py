"""Profiles are data: the shipped ones load, a bureau's own file loads, a bad file is explained in Chinese."""

from pathlib import Path

import pytest

from jixiao.scoring import ProfileError, builtin_profiles, load_profile

CENTRAL = (Path(__file__).resolve().parents[2] / "jixiao" / "scoring" / "profiles" / "central.toml").read_text(encoding="utf-8")


def test_shipped_profiles():
    assert builtin_profiles() == ["central", "hubei"]
    central, hubei = load_profile(), load_profile("hubei")
    assert (central.execution.weight, [g.weight for g in central.levels]) == (10, [50, 30, 10])
    assert (hubei.execution.weight, [g.weight for g in hubei.levels]) == (20, [40, 40])
    assert hubei.group_of("满意度指标").label == hubei.group_of("效益指标").label
    assert [(b.low, b.high) for b in hubei.qualitative] == [(80, 100), (50, 80), (0, 50)]
    assert central.rules.execution_cap.local and not central.rules.execution_cap.enabled


def test_a_bureaus_own_profile_file(tmp_path):
    own = tmp_path / "本局方案.toml"
    own.write_text(CENTRAL.replace('name = "central"', 'name = "county"').replace("weight = 10\n\n[[levels]]", "weight = 20\n\n[[levels]]", 1)
                   .replace("weight = 50", "weight = 40"), encoding="utf-8")
    county = load_profile(own)
    assert county.name == "county" and county.execution.weight == 20


@pytest.mark.parametrize(("change", "message"), [
    (("weight = 50", "weight = 55"), "合计应为 100，现为 105"),
    (("weight = 50", 'weight = "很多"'), "“levels.0.weight”应为数字"),
    (('level1 = ["效益指标"]', 'level1 = ["效益"]'), "不是规范的一级指标名称：效益"),
    (("low = 60\nhigh = 80", "low = 80\nhigh = 60"), "下限 80 大于上限 60"),
    (("places = 2", "places = 2\ndigits = 3"), "“rounding.digits”不认识的设置项"),
    (("red_gap = 10", "red_gap = -1"), "“monitoring.behind_plan.red_gap”应 ≥ 0"),
    (("[overshoot]\nflag_share = 30", ""), "“overshoot”缺少此项"),
    (("name = ", "name = = "), "不是有效的 TOML 文件"),
])
def test_a_bad_profile_file_is_explained(tmp_path, change, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(CENTRAL.replace(*change, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profile(bad)
    assert "bad.toml" in raised.value.message and message in raised.value.message


def test_unknown_profile_name_lists_the_choices(tmp_path):
    with pytest.raises(ProfileError, match="可选：central、hubei"):
        load_profile("shanghai")
    with pytest.raises(ProfileError, match="不存在"):
        load_profile(tmp_path / "missing.toml")

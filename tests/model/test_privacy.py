"""Masking personal data before publication: real lines from published tables, and what must stay."""

import pytest

from jixiao.model import GoalSheet, Indicator
from jixiao.model.privacy import MASK, mask_model, mask_text, personal_data


@pytest.mark.parametrize(("text", "expected"), [
    # shared/corpus/036 (遂宁经开区): the contact and the (already redacted) mobile number
    ("单位名称 遂宁市市场监督管理局经开区分局 联系人及电话 田苗苗,1XXXXXXXXXX",
     f"单位名称 遂宁市市场监督管理局经开区分局 联系人及电话 {MASK},{MASK}"),
    ("联系人：张三 电话：13812345678", f"联系人：{MASK} 电话：{MASK}"),
    ("填报人 李四", f"填报人 {MASK}"),
    ("负责人姓名：王五", f"负责人姓名：{MASK}"),
    ("咨询电话 0315-6123456", f"咨询电话 {MASK}"),
    ("手机 +86 138 1234 5678", f"手机 {MASK}"),
    ("身份证号 11010519491231002X", f"身份证号 {MASK}"),
    ("邮箱 zhang.san@example.gov.cn 联系", f"邮箱 {MASK} 联系"),
])
def test_personal_data_is_masked(text, expected):
    assert mask_text(text) == expected
    assert personal_data(text)


@pytest.mark.parametrize("text", [
    "项目负责人及联系电话 |",  # shared/corpus/020: a label with no value
    "项目编码 51000021R000000019951-",  # shared/corpus/008: a long project code is no phone number
    "受益人口数 ≥24400人",
    "指标值≥13800000元",
    "2023年12月31日前完成",
    "预算数 1381234567800 元",
    "填报人（签字）",
    "434-4.05-JXN-4QXO",
])
def test_ordinary_text_is_kept(text):
    assert mask_text(text) == text
    assert personal_data(text) == []


def test_every_string_of_a_sheet_is_masked():
    sheet = GoalSheet(name="乡镇维稳经费", purpose="联系人：赵六，电话13912345678",
                      goals=["咨询邮箱 a@b.cn"], indicators=[
                          Indicator.from_cells(level1="产出指标", level2="数量指标", name="调解案件数", target="≥20件",
                                               description="负责人：钱七 13700001111")])
    masked = mask_model(sheet)
    dumped = masked.model_dump_json()
    for secret in ("赵六", "13912345678", "a@b.cn", "钱七", "13700001111"):
        assert secret not in dumped
    assert masked.indicators[0].target.value == sheet.indicators[0].target.value
    assert masked.name == "乡镇维稳经费"

"""A goal table copied up to its satisfaction rows and cut there (corpus 199: the form's last rows after 满意度指标
are lost): the grid was read to its end, so a sheet without any 成本指标 lacks it (JX105). Cut before its
satisfaction rows, the cost rows may follow the cut and nothing is said of them."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

_ROWS = ("项目名称 | 绿化养护经费 |", "资金用途 | 全市绿地养护 |", "年度目标 | 完成我市建成区375万平方米的绿地养护 |",
         "一级指标 | 二级指标 | 三级指标 | 指标值 |",
         "产出指标 | 数量指标 | 绿地养护面积 | ≥375万平方米 |",
         "产出指标 | 质量指标 | 绿地养护达标率 | ≥95% |",
         "产出指标 | 时效指标 | 养护完成时间 | 2024年12月底前 |",
         "效益指标 | 生态效益指标 | 城区绿化覆盖率 | ≥40% |",
         "满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥95% |",
         "满意度指标 | 服务对象满意度指标 | 游客满")


@pytest.mark.parametrize(("rows", "cut", "reported"), [
    (len(_ROWS), "P120", True),  # cut inside the satisfaction rows: the grid is read to its end
    (8, "P119", False),  # cut after 效益指标: the satisfaction and cost rows may both follow
])
def test_a_copy_cut_after_its_satisfaction_rows_lacks_the_cost_rows_it_never_had(rows, cut, reported):
    document = read_bytes("\n".join(_ROWS[:rows]).encode(), "目标表.txt")
    assert cut in [d.code for d in document.diagnostics]  # the reader says where the copy stops
    found = [f for f in review_document(document, load_profile()).findings if f.rule == "JX105"]
    assert bool(found) is reported
    assert all(f.severity.value == "warning" and f.location.column == "二级指标" for f in found)

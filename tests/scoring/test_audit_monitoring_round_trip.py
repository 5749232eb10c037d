"""Property: a 监控表 jixiao itself computed and wrote (the web's monitoring export), read back and audited under the
same profile, reports behind the plan exactly when jixiao's own monitoring did, and nothing else about the money or
the answers. What the unit answered (确定能 for an indicator far behind, JXM03) is the unit's, not jixiao's."""

from datetime import date
from decimal import Decimal as D

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jixiao.documents import read_bytes
from jixiao.model import CumulativeSpending, ExecutionRecord, IndicatorProgress, MonitoringAnswer
from jixiao.scoring import load_profile, monitor_sheet
from jixiao.scoring.audit import audit_sheet
from jixiao.scoring.reports import write_monitoring
from tests.scoring.builders import sheet

ANSWERS = [{"likelihood": "确定能"},
           {"likelihood": "有可能", "causes": ["经费保障"], "remedy": "加快拨付"},
           {"likelihood": "完全不可能", "causes": ["其他"], "cause_note": "政策调整", "remedy": "申请调整目标"}]


@st.composite
def plans(draw):
    """A cumulative spending plan: rising percents at rising month ends, ending at 100 in December."""
    months = sorted(draw(st.sets(st.integers(min_value=1, max_value=11), max_size=3))) + [12]
    percents = sorted(draw(st.lists(st.integers(min_value=0, max_value=100), min_size=len(months) - 1,
                                    max_size=len(months) - 1))) + [100]
    return [(f"{month}月底", str(percent)) for month, percent in zip(months, percents)]


@settings(max_examples=60, deadline=None)
# The plan's 0.1136% at January's end shows as 0.11%, as does the 0.11% spent: no gap anyone could see or audit.
@example([("9月底", "1"), ("12月底", "100")], 1, D("0.11"), [0, 0], "central", "xlsx")
@given(plans(), st.integers(min_value=1, max_value=11), st.decimals(min_value=0, max_value=120, places=2),
       st.lists(st.sampled_from(range(len(ANSWERS))), min_size=2, max_size=2),
       st.sampled_from(["central", "hubei"]), st.sampled_from(["docx", "xlsx"]))
def test_jixiaos_own_monitoring_table_passes_its_own_audit(plan, month, spent, answers, name, file_format):
    profile = load_profile(name)
    written = sheet(("产出指标", "整治村数", "≥18个"), ("效益指标", "群众满意度", "≥90%"), plan=plan)
    day = date(2025, month + 1, 1) - date.resolution  # the month's last day
    record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=day, amount=spent)],
                             progress=[IndicatorProgress(indicator=1, as_of=day, value=D(9))])
    result = monitor_sheet(written, record, day, [MonitoringAnswer(indicator=n, **ANSWERS[a])
                                                  for n, a in enumerate(answers, start=1)], profile, year=2025)
    (read,) = read_bytes(write_monitoring(result, file_format), f"监控表.{file_format}").sheets
    found = [f.rule for f in audit_sheet(read, profile) if f.rule != "JXM03"]
    behind = any(alert.code == "behind_plan" for alert in result.warnings)
    assert found == (["JXM01"] if behind else [])

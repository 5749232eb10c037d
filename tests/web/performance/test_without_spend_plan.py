"""A sheet approved without a 资金支出计划 (many real ones: 105's farmland project) cannot have its money monitored,
but its monitoring table still shows each indicator's target, the value recorded and the answer saved."""

from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.sheets.test_other_cells import _import

FARMLAND = "105_"  # 岳阳县2022年高标准农田建设项目: 12 indicators, no spending plan


def _approved_without_plan(org) -> Sheet:
    _, [sheet] = _import(org, FARMLAND, year=2022)
    assert not sheet.spend_plan
    for user, name, extra in ((org["owner"], "submit", {}), (org["reviewer"], "approve", {"grade": "良"})):
        sheet_transition(user=user, sheet_id=sheet.pk, name=name, **extra)
    return sheet


def test_the_monitoring_table_shows_targets_values_and_answers_without_a_spending_plan(org, login):
    sheet = _approved_without_plan(org)
    client = login(org["owner"])
    url = f"/performance/{sheet.pk}/"
    client.post(f"{url}progress/", {"version": 1, "indicator": 1, "as_of": "2022-06-30", "value": "60公里"})
    client.post(f"{url}monitoring/", {"version": 2, "a1-likelihood": "有可能", "a1-causes": ["经费保障"],
                                      "a1-remedy": "加快施工"})
    response = client.get(url)
    page = response.content.decode()
    assert "绩效目标表没有资金支出计划" in page  # the money still cannot be monitored, and the page says why
    status, form = response.context["answer_rows"][0]
    assert (status.target, status.value_shown, str(status.progress)) == ("≥100公里", "60公里", "60.00")
    assert form.initial["likelihood"] == "有可能" and form.initial["remedy"] == "加快施工"
    assert '<td data-label="年度指标值">≥100公里</td>' in page
    assert '<td data-label="年度指标值">≥20座</td>' in page  # every row, not only those with a value
    assert response.context["chart"]["indicators"]["names"] == ["脱贫村村内道路硬化里程"]


def test_the_overview_counts_the_sheet_it_cannot_monitor_beside_the_lights(org, login):
    _approved_without_plan(org)
    response = login(org["reviewer"]).get("/performance/?year=2022")
    page = response.content.decode()
    assert response.context["rows"].paginator.count == 1 and response.context["unmonitored"] == 1
    assert '<span class="muted">无法计算</span><strong>1</strong>' in page

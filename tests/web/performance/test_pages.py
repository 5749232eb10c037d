"""The pages: who may see and write what, field-level validation with the models' messages, downloads."""

from decimal import Decimal

import pytest

from jixiao.web.performance.models import Tracking


def _post(client, url, *, follow=False, **data):
    return client.post(url, {"version": 1, **data}, follow=follow)


@pytest.mark.parametrize(("person", "status"), [
    ("owner", 200), ("colleague", 200), ("reviewer", 200), ("admin", 200), ("sibling", 404), ("outsider", 404),
    ("other_reviewer", 404),
])
@pytest.mark.parametrize("page", ["", "evaluation/"])
def test_pages_are_scoped_like_the_sheet(org, approved, login, person, status, page):
    assert login(org[person]).get(f"/performance/{approved.pk}/{page}").status_code == status


def test_reviewer_reads_but_does_not_get_forms_or_write(org, approved, login):
    client = login(org["reviewer"])
    page = client.get(f"/performance/{approved.pk}/").content.decode()
    assert "只读" in page and "spending-form" not in page and "monitoring-form" in page
    refused = _post(client, f"/performance/{approved.pk}/spending/", kind="entry", day="2026-05-01", amount="2",
                    source="财政资金")
    assert refused.status_code == 403 and not Tracking.objects.exists()


def test_a_draft_sheet_sends_back_to_the_sheet_page(org, sheet, login):
    response = login(org["owner"]).get(f"/performance/{sheet.pk}/", follow=True)
    assert "尚未批复" in response.content.decode()


def test_preparer_records_spending_and_sees_the_history(org, approved, login):
    client = login(org["owner"])
    response = _post(client, f"/performance/{approved.pk}/spending/", kind="entry", day="2026-05-01", amount="2",
                     source="财政资金", note="首笔", follow=True)
    page = response.content.decode()
    assert "已记录资金支出" in page and "首笔" in page and "资金支出" in page


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"kind": "entry", "day": "", "amount": "2", "source": "财政资金"}, "day", "这个字段是必填项"),
    ({"kind": "entry", "day": "2026-05-01", "amount": "2", "source": ""}, "source", "单笔支出请选择资金来源"),
    ({"kind": "cumulative", "day": "2026-05-01", "amount": "-1", "source": ""}, "amount", "支出金额不能为负数"),
    ({"kind": "entry", "day": "2026-05-01", "amount": "-5", "source": "财政资金"}, "amount", "支出金额不能为负数"),
])
def test_spending_form_errors_are_at_the_field(org, approved, login, data, field, message):
    response = _post(login(org["owner"]), f"/performance/{approved.pk}/spending/", **data)
    assert response.status_code == 400
    assert any(message in e for e in response.context["spending_form"].errors[field])


def test_monitoring_answer_needs_causes_and_remedy_unless_certain(org, approved, login):
    client = login(org["owner"])
    data = {"a1-likelihood": "有可能", "a2-likelihood": "确定能"}
    response = _post(client, f"/performance/{approved.pk}/monitoring/", **data)
    assert 'selected>确定能' not in client.get(f"/performance/{approved.pk}/").content.decode()
    assert response.status_code == 400
    form = response.context["answer_rows"][0][1]
    assert "须填写偏差原因和改进措施" in form.errors["causes"][0] and "remedy" in form.errors
    data.update({"a1-causes": ["经费保障"], "a1-remedy": "加快拨付"})
    page = _post(client, f"/performance/{approved.pk}/monitoring/", follow=True, **data).content.decode()
    assert "已保存运行监控表" in page and "红灯" in page


def test_a_stale_monitoring_save_is_refused(org, approved, login):
    client = login(org["owner"])
    _post(client, f"/performance/{approved.pk}/spending/", kind="entry", day="2026-05-01", amount="2", source="财政资金")
    page = _post(client, f"/performance/{approved.pk}/monitoring/", follow=True,
                 **{"a1-likelihood": "确定能", "a2-likelihood": "确定能"}).content.decode()
    assert "您在另一个窗口或标签页中已经保存过执行与自评记录" in page and not Tracking.objects.get().answers.exists()


def test_evaluation_validates_qualitative_tiers_at_the_field(org, approved, login):
    response = _post(login(org["owner"]), f"/performance/{approved.pk}/evaluation/", spent="18",
                     **{"r1-actual": "18个", "r2-tier": "达成预期指标"})
    assert response.status_code == 400
    errors = response.context["rows"][1]["form"].errors
    assert "须填写得分比例和评分理由" in errors["tier_percent"][0]


def test_evaluation_shows_the_cores_score_explained_and_downloads(org, approved, login):
    client = login(org["owner"])
    response = _post(client, f"/performance/{approved.pk}/evaluation/", follow=True, spent="18",
                     **{"r1-actual": "16个", "r1-deviation": "两个村推迟", "r2-actual": "95%"})
    page = response.content.decode()
    assert "已保存绩效自评" in page and "（超过100%按100%计）" in page and "min(" not in page and "等级" in page
    score = response.context["score"]
    assert score.total < 100 and not score.missing
    for fmt, magic in (("docx", b"PK"), ("xlsx", b"PK")):
        download = login(org["reviewer"]).get(f"/performance/{approved.pk}/evaluation.{fmt}")
        assert download.status_code == 200 and download.content[:2] == magic
    assert client.get(f"/performance/{approved.pk}/monitoring.docx").content[:2] == b"PK"


@pytest.mark.parametrize(("person", "status"), [("owner", 403), ("reviewer", 200), ("admin", 200)])
def test_overview_and_settings_are_for_the_bureau(org, approved, login, person, status):
    client = login(org[person])
    assert client.get("/performance/?year=2026").status_code == status
    assert client.get("/performance/settings/?year=2026").status_code == status


def test_the_bureau_picks_hubei_and_the_period(org, approved, login):
    client = login(org["reviewer"])
    response = client.post("/performance/settings/", {"year": 2026, "profile": "hubei", "period_end": "2026-08-31"},
                           follow=True)
    assert "已保存" in response.content.decode()
    page = client.get("/performance/?year=2026").content.decode()
    assert "湖北" in page and "1-8月" in page and "乡镇环境治理经费" in page
    bad = client.post("/performance/settings/", {"year": 2026, "profile": "hubei", "period_end": "2025-08-31"})
    assert "应在 2026 年内" in bad.content.decode()


def _spend(client, sheet, *amounts, version=1):
    for n, amount in enumerate(amounts):
        _post(client, f"/performance/{sheet.pk}/spending/", kind="entry", day="2026-05-01", amount=amount,
              source="财政资金", version=version + n)


def test_overspending_is_red_with_its_own_message_on_the_page_and_the_overview(org, approved, login):
    client = login(org["owner"])
    _spend(client, approved, "3.5", "2", "50")
    page = client.get(f"/performance/{approved.pk}/").content.decode()
    assert "308.33%" in page and "已支出超过预算" in page and 'class="light red"' in page
    assert "支出与目标进度正常" not in page
    overview = login(org["reviewer"]).get("/performance/?year=2026")
    row = next(r for r in overview.context["rows"] if r.sheet.pk == approved.pk)
    assert row.light == "red" and overview.context["lights"]["red"] == 1


def test_a_sheet_whose_year_has_not_started_is_neutral(org, approved, login, monkeypatch):
    from datetime import date

    from jixiao.web.performance import selectors
    monkeypatch.setattr(selectors.timezone, "localdate", lambda: date(2025, 12, 15))
    page = login(org["owner"]).get(f"/performance/{approved.pk}/").content.decode()
    assert "未开始" in page and "尚未开始" in page and 'class="light red"' not in page


def test_an_untouched_monitoring_form_saves_nothing_and_preselects_nothing(org, approved, login):
    client = login(org["owner"])
    page = client.get(f"/performance/{approved.pk}/").content.decode()
    assert 'value="确定能" selected' not in page and "尚未判断" in page
    _post(client, f"/performance/{approved.pk}/monitoring/", **{"a1-likelihood": "", "a2-likelihood": ""})
    tracking = Tracking.objects.filter(sheet=approved).first()
    assert tracking is None or (not tracking.changes.exists() and not tracking.answers.exists())
    half = _post(client, f"/performance/{approved.pk}/monitoring/", **{"a1-likelihood": "", "a1-remedy": "加快"})
    assert half.status_code == 400 and "请选择完成目标可能性" in half.content.decode()


@pytest.mark.parametrize(("indicator", "value", "message"), [
    (1, "很多", "应填写数值"),
    (1, "50%", "单位“%”与目标"),
])
def test_progress_must_fit_the_targets_unit(org, approved, login, indicator, value, message):
    response = _post(login(org["owner"]), f"/performance/{approved.pk}/progress/", indicator=indicator,
                     as_of="2026-05-31", value=value)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Tracking.objects.filter(sheet=approved, progress__isnull=False).exists()


def test_evaluation_before_typing_shows_no_errors_names_the_project_and_prefills_progress(org, approved, login):
    client = login(org["owner"])
    _post(client, f"/performance/{approved.pk}/progress/", indicator=1, as_of="2026-05-31", value="12个")
    page = client.get(f"/performance/{approved.pk}/evaluation/").content.decode()
    assert "没有自评结果" not in page and "P-001" not in page.split("<main")[1].split("绩效指标")[0]
    assert 'name="r1-actual" value="12个"' in page


def test_evaluation_warns_when_the_stated_spending_differs_from_the_recorded(org, approved, login):
    client = login(org["owner"])
    _spend(client, approved, "3.5", "2", "50")
    _post(client, f"/performance/{approved.pk}/evaluation/", version=4, spent="17.2",
          **{"r1-actual": "18个", "r2-actual": "95%"})
    page = client.get(f"/performance/{approved.pk}/evaluation/").content.decode()
    assert "全年执行数 17.20万元 与执行监控中记录的支出合计 55.50万元 不一致" in page


def test_amounts_with_four_places_are_kept_and_shown_as_printed(org, approved, login):
    client = login(org["owner"])
    _post(client, f"/performance/{approved.pk}/spending/", kind="entry", day="2026-05-01", amount="15.3518",
          source="财政资金")
    assert Tracking.objects.get().spending.get().amount == Decimal("15.3518")
    tracking_page = client.get(f"/performance/{approved.pk}/").content.decode()
    assert '<td class="num">15.3518</td>' in tracking_page and "15.351800" not in tracking_page
    _post(client, f"/performance/{approved.pk}/evaluation/", version=2, budget_full="18.0012", spent="15.3518")
    tracking = Tracking.objects.get()
    assert (tracking.budget_full, tracking.spent) == (Decimal("18.0012"), Decimal("15.3518"))
    evaluation_page = client.get(f"/performance/{approved.pk}/evaluation/").content.decode()
    assert 'value="18.0012"' in evaluation_page and 'value="15.3518"' in evaluation_page
    assert "18.001200" not in evaluation_page and "15.351800" not in evaluation_page


def test_the_monitoring_figures_keep_the_places_of_money(org, approved, login):
    # nothing spent yet read “已支出 0” beside “预算数 18.00” and “全年预计支出 0.00”
    page = login(org["owner"]).get(f"/performance/{approved.pk}/").content.decode()
    assert "<span>预算数</span><strong>18.00</strong>" in page and "<span>截至6月30日已支出</span><strong>0.00</strong>" in page


def test_the_spending_and_rate_shown_say_they_stand_at_the_period_end(org, approved, login):
    """Money spent after the monitoring period (1-6月) is listed but not in the period's figures: the page said 已支出
    5.00 above a list of 7.00, and the overview set that mid-year 执行率 beside a self-evaluation scored on the year's."""
    client = login(org["owner"])
    _post(client, f"/performance/{approved.pk}/spending/", kind="entry", day="2026-05-01", amount="5",
          source="财政资金")
    _post(client, f"/performance/{approved.pk}/spending/", version=2, kind="entry", day="2026-09-01", amount="2",
          source="财政资金")
    page = client.get(f"/performance/{approved.pk}/").content.decode()
    assert "<span>截至6月30日已支出</span><strong>5.00</strong>" in page
    overview = login(org["reviewer"]).get("/performance/?year=2026").content.decode()
    assert overview.count('<th class="num">1-6月执行率</th>') == 2
    assert overview.count('data-label="1-6月执行率"') == 2


def test_a_target_read_with_its_operator_and_unit_columns_is_shown_whole(org, login):
    """A form printing 指标性质 ≥ | 指标值 95 | 计量单位 % (corpus 003) was shown as “目标 95” and 年度指标值 95."""
    from jixiao.model import Indicator, parse_target
    from jixiao.web.sheets.services.sheets import sheet_create
    from tests.web.conftest import approve, small_sheet

    read = Indicator.from_cells(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度", target="≥95%")
    columns = read.model_copy(update={"target": parse_target("≥95%").model_copy(update={"raw": "95"}),
                                      "operator_column_raw": "≥", "unit_column_raw": "%", "unit_column": "%"})
    content = small_sheet().model_copy(update={"indicators": [columns]})
    sheet = approve(org, sheet_create(user=org["owner"], unit=org["township"], year=2026, content=content))
    client = login(org["owner"])
    tracking = client.get(f"/performance/{sheet.pk}/").content.decode()
    assert "1. 群众满意度（目标 ≥95%）" in tracking and '<td data-label="年度指标值">≥95%</td>' in tracking
    evaluation = client.get(f"/performance/{sheet.pk}/evaluation/").content.decode()
    assert '<td class="target" data-label="年度指标值">≥95%</td>' in evaluation

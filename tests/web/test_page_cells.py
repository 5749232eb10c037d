"""The long lists' cells worked out in the views (links, labels, numbers, times, the unit <select>, the dashboard's
rows) come out as the template expressions they replaced rendered them: each is checked against that expression,
rendered here over the same objects, on sheets with an escaped unit name, an empty budget and a time just past
midnight local time (the day before in UTC)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

from django.template import Context, Template

from jixiao.web.links import unit_options
from jixiao.web.organisation.models import Unit
from jixiao.web.performance.models import Summary
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def _sheets(org) -> None:
    """Three sheets of 2026 in a unit whose name needs escaping: approved, submitted, and a draft with no budget."""
    org["township"].name = '城关<镇>&"东"'
    org["township"].save()
    for n, status in enumerate(("approved", "submitted", "draft"), start=1):
        content = small_sheet(name=f"项目{n}").model_copy(update={"code": f"P-{n:03d}"})
        sheet = sheet_create(user=org["owner"], unit=org["township"], year=2026, source="test", content=content)
        if status != "draft":
            sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
        if status == "approved":
            sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    Sheet.objects.filter(code="P-001").update(budget_total=Decimal("1234.50"),
                                              updated_at=datetime(2026, 3, 4, 16, 5, tzinfo=UTC))
    Sheet.objects.filter(code="P-003").update(budget_total=None)


def test_the_sheet_list_rows_are_as_the_template_rendered_them(org, login):
    _sheets(org)
    Sheet.objects.filter(code="P-001").update(error_count=2, warning_count=3)
    Sheet.objects.filter(code="P-002").update(error_count=0, warning_count=1)
    Sheet.objects.filter(code="P-003").update(error_count=0, warning_count=0)
    response = login(org["reviewer"]).get(f"/sheets/?year=2026&unit={org['township'].pk}")
    old = ('{% load rows %}{% for s in page %}<tr><td data-label="单位">{{ s.unit.name }}</td><td data-label="项目编码">'
           '{{ s.code }}</td><td data-label="项目名称" class="title-cell"><a href="{% url "sheets:detail" s.pk %}">'
           '{{ s.name|default:"（未命名项目）" }}</a></td><td data-label="预算数" class="num">'
           '{{ s.budget_total|money|default_if_none:"—" }}{% if s.budget_total is not None %} {{ s.money_unit }}'
           '{% endif %}</td><td data-label="状态"><span class="status {{ s.status }}">{{ s.get_status_display }}</span>'
           '</td><td data-label="问题">{% if s.error_count %}<span class="sev error">错误 {{ s.error_count }}</span>'
           '{% endif %}{% if s.warning_count %} <span class="sev warning">警告 {{ s.warning_count }}</span>{% endif %}'
           '{% if not s.error_count and not s.warning_count %}<span class="muted">无</span>{% endif %}</td>'
           '<td data-label="建议等级">{{ s.suggested_grade|default:"—" }}</td><td data-label="审核等级">'
           '{{ s.grade|default:"—" }}</td><td data-label="修改时间">{{ s.updated_at|month_day_time }}</td></tr>\n'
           "{% endfor %}")
    page = response.context["page"]
    assert {s.status for s in page} == {"approved", "submitted", "draft"}
    rows = str(response.context["rows"])
    assert rows == _render(old, page=page)
    assert "城关&lt;镇&gt;&amp;&quot;东&quot;" in rows and "03-05 00:05" in rows and ">1234.50 万元<" in rows
    assert '错误 2</span> <span class="sev warning">警告 3' in rows and '<span class="muted">无</span>' in rows


def test_the_unit_options_are_as_the_template_rendered_them(org):
    org["township"].name = '城关<镇>&"东"'
    org["township"].save()
    old = ('{% for u in units %}<option value="{{ u.pk }}" {% if u.pk == selected %}selected{% endif %}>'
           '{{ u.name }}</option>{% endfor %}')
    units = list(Unit.objects.order_by("pk"))
    for selected in (None, org["township"].pk):
        assert str(unit_options([(u.pk, u.name) for u in units], selected)) == _render(old, units=units, selected=selected)
    assert "城关&lt;镇&gt;&amp;&quot;东&quot;" in unit_options([(u.pk, u.name) for u in units], None)


def test_the_dashboard_rows_are_as_the_template_rendered_them(org, login):
    _sheets(org)
    response = login(org["reviewer"]).get("/sheets/dashboard/?year=2026")
    old = ('{% url "sheets:list" as list_url %}{% for r in rows %}<tr><td><a href="{{ list_url }}?year={{ year }}'
           '&unit={{ r.unit.pk }}">{{ r.unit.name }}</a></td><td class="num" data-label="草稿">{{ r.draft }}</td>'
           '<td class="num" data-label="已提交">{{ r.submitted }}</td><td class="num" data-label="已退回">'
           '{{ r.returned }}</td><td class="num" data-label="已批复">{{ r.approved }}</td></tr>{% endfor %}')
    context = response.context
    assert str(context["unit_rows"]) == _render(old, rows=context["rows"], year=2026)
    assert "城关&lt;镇&gt;" in context["unit_rows"]


def test_the_overview_rows_are_as_the_template_rendered_them(org, login):
    """Both tables: the projects at risk and a page of all projects, with a project the core could not monitor
    (its reasons in the title) and one not evaluated. The warnings and reasons are kept as templates and params, or,
    by a summary stored before, as their texts alone: both are shown rendered."""
    _sheets(org)
    sheet_transition(user=org["reviewer"], sheet_id=Sheet.objects.get(code="P-002").pk, name="approve", grade="良")
    Summary.objects.filter(sheet__code="P-001").update(
        light="red", warnings=[{"template": "执行<{how}>", "params": {"how": "慢"}}, "差距大"], grade="优",
        score_total=Decimal("91.5"))
    Summary.objects.filter(sheet__code="P-002").update(
        light="", monitoring_problems=["没有<计划>", {"template": "没有预算{{0}}", "params": {}}])
    response = login(org["reviewer"]).get("/performance/?year=2026")
    named = ('<td><a href="?year={{ year }}&amp;unit={{ r.unit_id }}">{{ r.unit_name }}</a></td><td><a href="'
             '{% url "performance:tracking" r.sheet_id %}">{{ r.sheet_name }}</a></td>')
    at_risk = ('{% for r in rows %}<tr><td><span class="light {{ r.light }}">{{ r.light_label }}</span></td>' + named
               + '<td class="num" data-label="1-6月执行率">{{ r.execution_rate }}%</td><td class="num" data-label="计划进度">'
               '{{ r.planned }}%</td><td class="small">{% for w in r.warning_messages %}{{ w }}<br>{% endfor %}</td></tr>'
               "{% endfor %}")
    projects = ('{% for r in rows %}<tr><td>{% if r.light %}<span class="light {{ r.light }}">{{ r.light_label }}'
                '</span>{% else %}<span class="muted" title="{{ r.monitoring_problem_messages|join:\'；\' }}">无法计算</span>'
                "{% endif %}</td>" + named + '<td class="num" data-label="1-6月执行率">{% if r.light %}{{ r.execution_rate }}%'
                '{% endif %}</td><td class="num" data-label="自评得分">{% if r.grade %}<a href="'
                '{% url "performance:evaluation" r.sheet_id %}">{{ r.score_total }}</a>{% else %}<span class="muted">'
                "未自评</span>{% endif %}</td><td>{{ r.grade }}</td></tr>{% endfor %}")
    context = response.context
    assert len(context["at_risk"]) == 1 and len(context["rows"]) == 2
    assert str(context["at_risk_rows"]) == _render(at_risk, rows=context["at_risk"], year=2026)
    assert str(context["project_rows"]) == _render(projects, rows=context["rows"], year=2026)
    assert "执行&lt;慢&gt;<br>差距大<br>" in context["at_risk_rows"]
    assert 'title="没有&lt;计划&gt;；没有预算{0}">无法计算' in context["project_rows"]
    assert re.search(r">91\.50?</a>", context["project_rows"]) and "未自评" in context["project_rows"]

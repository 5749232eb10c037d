"""The long lists' cells worked out in the views (links, labels, numbers, times, the unit <select>, the dashboard's
rows) come out as the template expressions they replaced rendered them: each is checked against that expression,
rendered here over the same objects, on sheets with an escaped unit name, an empty budget and a time just past
midnight local time (the day before in UTC)."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from django.template import Context, Template

from jixiao.web.links import unit_options
from jixiao.web.organisation.models import Unit
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
                                              updated_at=datetime(2026, 3, 4, 16, 5, tzinfo=timezone.utc))
    Sheet.objects.filter(code="P-003").update(budget_total=None)


def test_the_sheet_list_cells_are_as_the_template_rendered_them(org, login):
    _sheets(org)
    response = login(org["reviewer"]).get(f"/sheets/?year=2026&unit={org['township'].pk}")
    old = ('{% load rows %}{% url "sheets:detail" s.pk %}|{{ s.get_status_display }}|'
           '{{ s.budget_total|money|default_if_none:"—" }}|{{ s.updated_at|month_day_time }}')
    new = "{{ s.link }}|{{ s.status_label }}|{{ s.budget_shown }}|{{ s.updated_shown }}"
    sheets = list(response.context["page"])
    assert len(sheets) == 3 and {s.status for s in sheets} == {"approved", "submitted", "draft"}
    for sheet in sheets:
        assert _render(new, s=sheet) == _render(old, s=sheet)
    shown = {s.code: s.updated_shown + " " + s.budget_shown for s in sheets}
    assert shown["P-001"] == "03-05 00:05 1234.50" and shown["P-003"].endswith(" —")


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


def test_the_overview_cells_are_as_the_template_rendered_them(org, login):
    _sheets(org)
    response = login(org["reviewer"]).get("/performance/?year=2026")
    old = ('?year={{ year }}&amp;unit={{ r.unit_id }}|{% url "performance:tracking" r.sheet_id %}|'
           '{% url "performance:evaluation" r.sheet_id %}|{{ r.execution_rate }}|{{ r.planned }}|{{ r.score_total }}')
    new = ("{{ r.unit_link }}|{{ r.tracking_link }}|{{ r.evaluation_link }}|{{ r.rate_shown }}|{{ r.planned_shown }}|"
           "{{ r.score_shown }}")
    rows = [*response.context["at_risk"], *response.context["rows"]]
    assert rows
    for row in rows:
        assert _render(new, r=row) == _render(old, r=row, year=2026)

"""The public pages in Chromium, checked by axe-core (vendored, injected into the page: no network) against the WCAG
2.1 A and AA rules, at a phone's width (390 px) and a desktop's (1440 px): no violation, the page body never
scrolls sideways on the phone, the charts are drawn with JavaScript and hidden without it (their tables stay).

The data: the demo, plus last year's table of the demo's published project with its self-evaluation published, so
that the pages show the year's charts and the project's year-over-year chart. Screenshots go to
output/screenshots/public-a11y-*.png.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.e2e.test_browser import PASSWORD, ROOT, SHOTS, browser_env, serving

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {390: 844, 1440: 900}


def seed() -> None:
    """In a fresh process on ``JIXIAO_DATA``: the demo and last year's evaluated table of the same project; prints
    the public pages to check as JSON."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from jixiao.web.demo import demo_create
    from jixiao.web.organisation.models import Member
    from jixiao.web.publication.models import Publication
    from jixiao.web.publication.services import evaluation_publish, publication_publish
    from tests.web.publication.conftest import approved_sheet, evaluate

    call_command("migrate", interactive=False, verbosity=0)
    demo_create(PASSWORD)
    shown = Publication.objects.select_related("unit", "bureau").get()
    people = {m.user.username: m.user for m in Member.objects.select_related("user")}
    org = {"owner": people["preparer"], "reviewer": people["reviewer"], "township": shown.unit}
    ended = timezone.localdate().year - 1  # the demo's year is the budget year under way or the next
    sheet = approved_sheet(org, year=ended, name=shown.name, code=shown.code)
    publication_publish(user=people["reviewer"], sheet_id=sheet.pk)
    client = Client()
    client.force_login(people["preparer"])
    evaluate(client, sheet)
    earlier = evaluation_publish(user=people["reviewer"], sheet_id=sheet.pk)
    bureau, unit = shown.bureau.code, shown.unit.code
    print(json.dumps({
        "index": "/public/", "year with results": f"/public/{bureau}/{earlier.year}/",
        "year": f"/public/{bureau}/{shown.year}/", "unit": f"/public/{bureau}/{shown.year}/{unit}/",
        "table": f"/public/table/{shown.pk}/", "earlier table": f"/public/table/{earlier.pk}/",
        "search": "/public/search/?q=" + shown.unit.name[:4],
    }))


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    """(url, pages): a server on the seeded data and the public pages to check, by name."""
    data = tmp_path_factory.mktemp("public")
    seeded = subprocess.run([sys.executable, "-c", "from tests.web.e2e.test_browser_accessibility import seed; seed()"],
                            cwd=ROOT, env={**browser_env(), "JIXIAO_DATA": str(data),
                                           "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"},
                            capture_output=True, text=True)
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    pages = json.loads(seeded.stdout.strip().splitlines()[-1])
    with serving(data) as url:
        yield url, pages


def _axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now, each with its rule, impact and the elements it is about."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", AXE_RULES)
    return [{"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_public_pages_meet_wcag_at_phone_and_desktop_width(public_site, browser, width):
    url, pages = public_site
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, locale="zh-CN")
    page = context.new_page()
    found = {}
    for name, path in pages.items():
        page.goto(url + path)
        page.wait_for_load_state("load")
        for chart in page.locator(".chart").all():
            chart.locator("canvas").wait_for()  # drawn, so that axe sees the page as a visitor does
        found[name] = _axe(page)
        if width == 390:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} ({path}) scrolls sideways by {overflow}px at 390 px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"public-a11y-{width}-{name.replace(' ', '-')}.png"), full_page=True)
    context.close()
    violations = {name: violations for name, violations in found.items() if violations}
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


def test_the_charts_are_drawn_with_javascript_and_their_tables_read_without(public_site, browser):
    url, pages = public_site
    for scripts, visible in ((True, True), (False, False)):
        context = browser.new_context(viewport={"width": 1440, "height": 900}, java_script_enabled=scripts)
        page = context.new_page()
        for name, charts in (("table", ["#chart-years"]), ("year with results", ["#chart-grades", "#chart-scores"])):
            page.goto(url + pages[name])
            for chart in charts:
                assert page.locator(chart).is_visible() is visible, (name, chart, scripts)
                if scripts:
                    assert page.locator(f"{chart} canvas").count() == 1
            assert page.locator("table.list th[scope=row]").first.is_visible()
        context.close()

"""The public site and its open data, as an anonymous visitor sees them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal

import pytest

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.model import Indicator
from jixiao.web.publication.models import Publication
from jixiao.web.publication.services import publication_publish, publication_withdraw
from jixiao.web.sheets.services.imports import sheets_import
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet
from tests.web.publication.conftest import SECRETS, approved_sheet, crawl, text_of


def test_no_personal_data_anywhere_public(org, year_2025, anonymous):
    pages = crawl(anonymous)
    kinds = {url.rsplit(".", 1)[-1] for url in pages if "." in url.rsplit("/", 1)[-1]}
    assert {"docx", "xlsx", "pdf", "csv", "json", "atom"} <= kinds, kinds
    assert len(pages) >= 15
    for url, text in pages.items():
        for secret in SECRETS:
            assert secret not in text, (url, secret)


def test_a_visitor_browses_from_the_index_to_a_table(org, year_2025, anonymous):
    evaluated, later = year_2025
    index = anonymous.get("/public/").content.decode()
    assert "甲市财政局" in index and "/public/B1/2025/" in index and "/public/B1/2026/" in index
    year = anonymous.get("/public/B1/2025/").content.decode()
    assert "遵化市西留村乡人民政府" in year and "/public/B1/2025/434016/" in year
    chart = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', year).group(1))
    assert chart == {"grades": [{"name": evaluated.score_grade, "value": 1}], "names": ["遵化市西留村乡人民政府"],
                     "scores": [float(evaluated.score)], "met": [1], "missed": [1]}
    unit = anonymous.get("/public/B1/2025/434016/").content.decode()
    assert f"/public/table/{evaluated.pk}/" in unit and f"自评 {evaluated.score} 分" in unit
    page = anonymous.get(f"/public/table/{evaluated.pk}/").content.decode()
    assert "乡镇环境治理经费" in page and "整治村数" in page and "≥18个" in page
    assert f"自评得分 <strong>{evaluated.body.evaluation['total']}</strong>" in page
    assert f"/public/table/{later.pk}/" in page  # the same project in 2026


def test_the_public_site_needs_no_login_and_no_script_to_read(org, published, anonymous):
    page = anonymous.get(f"/public/table/{published.pk}/")
    assert page.status_code == 200 and "<script" not in page.content.decode().split("</main>")[0]
    assert '<html lang="zh-CN">' in page.content.decode() and "<th" in page.content.decode()


@pytest.mark.parametrize(("published_at", "day"), [
    (dt.datetime(2026, 1, 1, 15, 59, tzinfo=dt.UTC), "2026-01-01"),
    (dt.datetime(2026, 1, 1, 16, 0, tzinfo=dt.UTC), "2026-01-02"),  # midnight in Beijing
])
def test_a_units_list_dates_its_tables_by_the_local_day(org, published, anonymous, published_at, day):
    Publication.objects.filter(pk=published.pk).update(published_at=published_at)
    page = anonymous.get("/public/B1/2026/434016/").content.decode()
    assert f"第1版，{day} 公开" in page


def test_no_page_shows_template_syntax(org, year_2025, anonymous):
    # A template comment over two lines ({# … #} is for one line) was printed into the bureau's year page.
    pages = {url: text for url, text in crawl(anonymous).items() if not re.search(r"\.(csv|json|docx|xlsx|pdf)$", url)}
    assert "/public/B1/2025/" in pages and "/public/B1/2025/434016/" in pages
    assert [url for url, text in pages.items() if re.search(r"\{[#%{]|[#%}]\}", text)] == []


def _years_of(page: str) -> dict:
    return json.loads(re.search(r'<script id="chart-data-years" type="application/json">(.*?)</script>', page).group(1))


def test_the_same_project_over_the_years_is_a_chart_with_its_table(org, year_2025, anonymous):
    evaluated, later = year_2025
    page = anonymous.get(f"/public/table/{later.pk}/").content.decode()
    assert _years_of(page) == {"years": ["2025年度", "2026年度"], "budget": [18.0, 18.0],
                               "scores": [float(evaluated.score), None]}
    # The chart's box is hidden until the script draws it; the table says the same without JavaScript.
    assert re.search(r'<figure class="chart-figure" hidden><div id="chart-years" class="chart" role="img" aria-label=', page)
    assert f'<a href="/public/table/{evaluated.pk}/">2025年度</a>' in page and "2026年度（本表）" in page
    assert f"{evaluated.score}（{evaluated.score_grade}）" in page
    assert '/static/vendor/echarts/echarts.min.js' in page.split("</main>")[1]  # served here, never from a CDN


@pytest.mark.parametrize(("code", "name", "matched"), [
    ("P-001", "乡镇环境治理经费（调整名称）", True),  # the same code, renamed
    ("2026-P-9", "乡镇环境治理经费", True),  # renumbered, the same name
    ("P-777", "村级道路养护", False),  # another project of the unit
])
def test_a_project_is_matched_across_years_by_code_or_name(org, anonymous, code, name, matched):
    earlier = publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org, year=2025).pk)
    later = publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org, code=code, name=name).pk)
    page = anonymous.get(f"/public/table/{later.pk}/").content.decode()
    assert (f"/public/table/{earlier.pk}/" in page) is matched
    assert ('id="chart-data-years"' in page) is matched


def test_search_pages_through_many_results(org, anonymous, monkeypatch):
    from jixiao.web.publication import selectors
    monkeypatch.setattr(selectors, "SEARCH_PAGE", 2)
    tables = [publication_publish(user=org["reviewer"], sheet_id=approved_sheet(
        org, code=f"P-{n}", name=f"环境整治{n}").pk) for n in range(5)]
    pages = [anonymous.get("/public/search/", {"q": "环境整治", "page": n}).content.decode() for n in (1, 2, 3)]
    found = [set(re.findall(r'/public/table/(\d+)/', page)) for page in pages]
    assert [len(f) for f in found] == [2, 2, 1] and set().union(*found) == {str(t.pk) for t in tables}
    assert "下一页" in pages[0] and "上一页" in pages[1] and "下一页" not in pages[2]
    assert "第 1–2 张表（还有更多）" in pages[0] and "第 5 张表" in pages[2] and "5–5" not in pages[2]
    one = anonymous.get("/public/search/", {"q": "环境整治4"}).content.decode()
    assert "“环境整治4”：找到 1 张表。" in one  # was “第 1–1 张表”
    assert anonymous.get("/public/search/", {"q": "环境整治", "page": "abc"}).status_code == 200


def test_search_finds_units_projects_and_indicators(org, published, anonymous):
    for query in ("西留村", "环境治理", "群众满意度", "环境 满意度"):
        assert f"/public/table/{published.pk}/" in anonymous.get("/public/search/", {"q": query}).content.decode()
    assert "没有找到" in anonymous.get("/public/search/", {"q": "不存在的词"}).content.decode()
    assert anonymous.get("/public/search/", {"q": "x" * 100_000}).status_code == 200


def test_a_withdrawn_table_is_gone_from_pages_and_data(org, year_2025, anonymous):
    evaluated, later = year_2025
    publication_withdraw(user=org["reviewer"], sheet_id=evaluated.sheet_id, reason="数据有误")
    assert anonymous.get(f"/public/table/{evaluated.pk}/").status_code == 404
    assert anonymous.get(f"/public/table/{evaluated.pk}.pdf").status_code == 404
    assert anonymous.get("/public/B1/2025/").status_code == 404
    assert anonymous.get("/public/B1/2025/indicators.csv").status_code == 404
    assert f"/public/table/{evaluated.pk}/" not in anonymous.get("/public/feed.atom").content.decode()
    assert f"/public/table/{later.pk}/" in anonymous.get("/public/feed.atom").content.decode()


def test_a_public_address_not_found_says_so_to_the_public(org, year_2025, anonymous):
    """A withdrawn table's address told the public it was deleted or not among the units they may see, and sent
    them to the staff's sheet list (a login page); it is the public site's page, naming withdrawal, leading home."""
    evaluated, _ = year_2025
    publication_withdraw(user=org["reviewer"], sheet_id=evaluated.sheet_id, reason="数据有误")
    for address in (f"/public/table/{evaluated.pk}/", "/public/B1/2025/", "/public/no/such/page/"):
        response = anonymous.get(address)
        page = response.content.decode()
        assert response.status_code == 404 and "没有找到" in page and "撤回公开" in page, address
        assert 'href="/public/">回到公开首页' in page and 'class="brand" href="/public/"' in page
        assert "不属于您能查看的单位" not in page and "回到绩效目标表" not in page and "登录" not in page
    staff = anonymous.get("/nowhere/").content.decode()
    assert "回到绩效目标表" in staff and "回到公开首页" not in staff


def test_an_adjustment_shows_as_a_new_version_beside_the_first(org, published, anonymous):
    from jixiao.web.sheets.services.workflow import sheet_transition
    sheet_transition(user=org["owner"], sheet_id=published.sheet_id, name="adjust", reason="追加资金，增至20个村")
    sheet_transition(user=org["owner"], sheet_id=published.sheet_id, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=published.sheet_id, name="approve", grade="优")
    second = publication_publish(user=org["reviewer"], sheet_id=published.sheet_id)
    page = anonymous.get(f"/public/table/{second.pk}/").content.decode()
    assert "第2版" in page and "调整原因：追加资金，增至20个村" in page and f"/public/table/{published.pk}/" in page
    first = anonymous.get(f"/public/table/{published.pk}/").content.decode()
    assert "已被调整后的版本取代" in first
    feed = anonymous.get("/public/feed.atom")
    assert feed["Content-Type"] == "application/atom+xml; charset=utf-8" and feed.has_header("Last-Modified")
    entries = re.findall(r"<entry><title>(.*?)</title>.*?<id>(.*?)</id><summary[^>]*>(.*?)</summary>", feed.content.decode())
    assert [(title, link.split("testserver")[1], "调整原因：追加资金，增至20个村" in summary) for title, link, summary in entries] == [
        ("2026年度 遵化市西留村乡人民政府 乡镇环境治理经费（第2版）", f"/public/table/{second.pk}/", True),
        ("2026年度 遵化市西留村乡人民政府 乡镇环境治理经费", f"/public/table/{published.pk}/", False)]


def _csv(anonymous, name: str) -> list[dict]:
    text = anonymous.get(f"/public/B1/2025/{name}.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_reads_back_into_the_figures_of_the_pages(org, year_2025, anonymous):
    evaluated, _ = year_2025
    (project,) = _csv(anonymous, "projects")
    assert Decimal(project["evaluation_total"]) == Decimal(evaluated.body.evaluation["total"])
    assert project["evaluation_grade"] == evaluated.body.evaluation["grade"] and project["targets_met"] == "1"
    indicators = _csv(anonymous, "indicators")
    assert [(r["level2"], r["indicator"], r["operator"], r["target_value"], r["measure_unit"]) for r in indicators] == [
        ("数量指标", "整治村数", "≥", "18", "个"), ("服务对象满意度指标", "群众满意度", "≥", "90", "%")]
    page = anonymous.get(f"/public/table/{evaluated.pk}/").content.decode()
    for row in indicators:
        assert f"<td>{row['score']}</td>" in page and row["actual"] in page
        assert f"<td>{row['evaluation_weight']}</td>" in page and row["weight"] == ""  # the table prints no 权重


def test_the_csv_gives_the_weights_the_table_page_shows_before_any_self_evaluation(org, anonymous):
    """indicators.csv left its weight column empty until the self-evaluation was published, while the table's page
    showed each row's 权重 from the day it was published: the column is the table's, the 分值 a column of its own."""
    content = small_sheet().model_copy(update={"year": 2025, "indicators": [
        Indicator.from_cells(level1="产出指标", level2="数量指标", name="整治村数", target="≥18个", weight="60"),
        Indicator.from_cells(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度", target="≥90%",
                             weight="10.5")]})
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=2025, content=content, source="test")
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    published = publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    indicators = _csv(anonymous, "indicators")
    assert [(r["indicator"], r["weight"], r["evaluation_weight"], r["score"]) for r in indicators] == [
        ("整治村数", "60", "", ""), ("群众满意度", "10.5", "", "")]
    page = text_of(anonymous.get(f"/public/table/{published.pk}/"))
    assert "权重：60" in page and "权重：10.5" in page
    package = anonymous.get("/public/B1/2025/datapackage.json").json()
    titles = {f["name"]: f["title"] for f in package["resources"][1]["schema"]["fields"]}
    assert titles["weight"] == "权重（表中所填，公开即有）" and titles["evaluation_weight"] == "自评分值（自评结果公开后才有）"


def test_the_data_package_is_valid_frictionless(org, year_2025, anonymous, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    descriptor = anonymous.get("/public/B1/2025/datapackage.json").json()
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    for resource in descriptor["resources"]:
        (tmp_path / resource["path"]).write_bytes(anonymous.get(f"/public/B1/2025/{resource['path']}").content)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {r["name"] for r in descriptor["resources"]} == {"projects", "indicators"}


def test_the_json_is_the_interchange_format(org, published, anonymous):
    from jixiao.documents import read_bytes
    document = read_bytes(anonymous.get("/public/B1/2026/data.json").content, "data.json")
    assert document.unit.code == "434016" and document.sheets[0].name == "乡镇环境治理经费"


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")])
def test_a_table_downloads_in_the_official_layout(org, published, anonymous, fmt, magic):
    response = anonymous.get(f"/public/table/{published.pk}.{fmt}")
    assert response.status_code == 200 and response.content[:len(magic)] == magic
    assert "乡镇环境治理经费" in text_of(anonymous.get(f"/public/table/{published.pk}.{fmt}"))


@pytest.mark.parametrize("url", ["/public/B9/2026/", "/public/B1/1999/", "/public/B1/abc/", "/public/table/999/",
                                 "/public/B1/2026/999999/", "/public/B1/2026/other.csv", "/public/table/1.exe"])
def test_unknown_addresses_are_404(org, published, anonymous, url):
    assert anonymous.get(url).status_code == 404


@pytest.mark.parametrize(("person", "status"), [("reviewer", 200), ("admin", 200), ("owner", 403), ("outsider", 403)])
def test_the_publication_page_is_for_the_bureau(org, published, login, person, status):
    response = login(org[person]).get("/publication/?year=2026")
    assert response.status_code == status
    if status == 200:
        assert ("乡镇环境治理经费" in response.content.decode()) == (person != "outsider")


def test_the_bureau_publishes_and_withdraws_from_its_page(org, login, anonymous):
    sheet = approved_sheet(org)
    client = login(org["reviewer"])
    assert "未公开" in client.get("/publication/?year=2026").content.decode()
    client.post(f"/publication/{sheet.pk}/publish/", {"year": "2026"})
    assert "已公开第1版" in client.get("/publication/?year=2026").content.decode()
    assert anonymous.get("/public/B1/2026/").status_code == 200
    client.post(f"/publication/{sheet.pk}/withdraw/", {"year": "2026", "reason": "更正后重新公开"})
    assert anonymous.get("/public/B1/2026/").status_code == 404
    assert login(org["owner"]).post(f"/publication/{sheet.pk}/publish/").status_code == 403


def test_the_demo_publishes_the_sample(db):
    from django.test import Client

    from jixiao.web.demo import demo_create
    demo_create("Demo-pass-2026!")
    index = Client().get("/public/").content.decode()
    assert "遵化市财政局（演示）" in index
    year = re.search(r'/public/DEMO-CZJ/(\d{4})/', index).group(1)
    assert "遵化市西留村乡人民政府" in Client().get(f"/public/DEMO-CZJ/{year}/").content.decode()
    assert "维稳经费（西留村）" in Client().get(f"/public/DEMO-CZJ/{year}/434016/").content.decode()


def test_a_table_whose_project_has_neither_name_nor_code_can_still_be_found_and_opened(org, login, anonymous):
    # shared/corpus/036 prints no project name or code (its missing name is a warning there: the layout is guessed):
    # imported, approved and published, its search result was an empty link (the link's text is the project's name)
    published = publication_publish(user=org["reviewer"], sheet_id=approved_sheet(org).pk)
    Publication.objects.filter(pk=published.pk).update(name="", code="")  # as 036's snapshot holds them
    publication = Publication.objects.get(pk=published.pk)
    found = anonymous.get("/public/search/", {"q": "整治村数"}).content.decode()
    link = f'table/{publication.pk}/">{publication.year}年度 · {org["township"].name} · （未命名项目）</a>'
    assert link in found and publication.label == "（未命名项目）"
    assert "（未命名项目）" in anonymous.get(f"/public/table/{publication.pk}/").content.decode()


def test_a_collections_heading_is_never_listed_as_a_project(org, anonymous):
    """Corpus 121 (dev): a document headed by its collection's title (…人民政府2023年一般性项目绩效目标表) before
    its tables, each under the form's title. The unit's public page lists the tables the reader found, by their
    project names, in the order of the other tables; neither heading is listed as a project."""
    entry = next(e for e in load_manifest() if e.split == "dev" and e.path.name.startswith("121_"))
    sheets = sheets_import(user=org["owner"], unit=org["township"], year=2023, accept_year=True, accept_unit=True,
                           files=[(entry.path.name, document_bytes(entry.path))])
    for sheet in sheets:
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
        sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
        publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    page = anonymous.get("/public/B1/2023/434016/").content.decode()
    listed = re.findall(r'<li><a href="/public/table/\d+/">([^<]*)</a>', page)
    assert sorted(listed) == sorted(sheet.name for sheet in sheets) == sorted(
        ["潼南区五桂镇汇总项目库", "在职村村干部补助", "日常办公设备购买和运行维护"])
    assert "一般性项目绩效目标表" not in " ".join(listed)

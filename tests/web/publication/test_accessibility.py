"""The basic WCAG 2.1 checks on every public page, read from the HTML the server sends (no browser): the language,
headings in order, header cells with a scope in every data table, text alternatives for images and charts, a label
for every form field, a name for every link and button, unique ids; and the contrast of the colour pairs of the
site's stylesheets. axe-core checks the rendered pages in Chromium (tests/web/e2e/test_browser_accessibility.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from tests.web.publication.conftest import crawl

STATIC = Path(__file__).resolve().parents[3] / "jixiao" / "web" / "static" / "jixiao"
STYLESHEETS = ("site.css", "public.css")  # what public_base.html links, in that order
SCOPES = {"col", "row", "colgroup", "rowgroup"}
FIELDS = "//input[not(@type='hidden') and not(@type='submit') and not(@type='button')] | //select | //textarea"


def _name(element) -> str:
    """The accessible name an element gets from its text, aria-label or the alt of an image inside it."""
    alts = " ".join(img.get("alt", "") for img in element.iter("img"))
    return " ".join((element.text_content() + " " + alts + " " + element.get("aria-label", "")).split())


def problems_of(page: str) -> list[str]:
    """What keeps one HTML page from the basic checks, each problem named with the element it is about."""
    root = lxml.html.document_fromstring(page)
    found = []
    if not root.get("lang"):
        found.append("<html> has no lang")
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    if levels.count(1) != 1 or levels[0] != 1:
        found.append(f"the page needs one <h1>, first: headings {levels}")
    found += [f"<h{b}> follows <h{a}>" for a, b in zip(levels, levels[1:]) if b > a + 1]
    for number, table in enumerate(root.iter("table"), 1):
        headers = table.findall(".//th")
        if not headers:
            found.append(f"table {number} has no header cells")
        found += [f"table {number}: <th>{th.text_content().strip()[:20]}</th> has no scope" for th in headers
                  if th.get("scope") not in SCOPES]
    found += [f"<img src={img.get('src')}> has no alt" for img in root.iter("img") if img.get("alt") is None]
    found += [f"role=img #{el.get('id')} has no text alternative" for el in root.xpath("//*[@role='img']")
              if not (el.get("aria-label") or el.get("aria-labelledby"))]
    labelled = {label.get("for") for label in root.iter("label")}
    for field in root.xpath(FIELDS):
        inside_label = any(parent.tag == "label" for parent in field.iterancestors())
        if not (field.get("id") in labelled or inside_label or field.get("aria-label") or field.get("aria-labelledby")):
            found.append(f"<{field.tag} name={field.get('name')}> has no label")
    found += [f"link {a.get('href')} has no text" for a in root.iter("a") if not _name(a)]
    found += [f"a button has no text: {lxml.html.tostring(b)[:80]!r}" for b in root.iter("button") if not _name(b)]
    ids = [el.get("id") for el in root.xpath("//*[@id]")]
    found += [f"id {i} is used {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]
    return found


def _public_pages(client) -> dict[str, str]:
    pages = crawl(client)
    for query in ("环境", "不存在的词"):
        pages[f"/public/search/?q={query}"] = client.get("/public/search/", {"q": query}).content.decode()
    return {url: text for url, text in pages.items() if text.lstrip().lower().startswith("<!doctype html")}


def test_every_public_page_passes_the_basic_checks(org, year_2025, anonymous):
    pages = _public_pages(anonymous)
    kinds = {re.sub(r"\d+", "N", url) for url in pages}
    assert {"/public/", "/public/BN/N/", "/public/BN/N/N/", "/public/table/N/"} <= kinds, kinds
    assert {url: problems_of(page) for url, page in pages.items() if problems_of(page)} == {}


@pytest.mark.parametrize(("page", "problem"), [
    ('<html><body><h1>a</h1></body></html>', "<html> has no lang"),
    ('<html lang="zh-CN"><body><h2>a</h2><h1>b</h1></body></html>', "the page needs one <h1>, first: headings [2, 1]"),
    ('<html lang="zh-CN"><body><h1>a</h1><h3>b</h3></body></html>', "<h3> follows <h1>"),
    ('<html lang="zh-CN"><body><h1>a</h1><table><tr><td>1</td></tr></table></body></html>',
     "table 1 has no header cells"),
    ('<html lang="zh-CN"><body><h1>a</h1><table><tr><th>年度</th></tr></table></body></html>',
     "table 1: <th>年度</th> has no scope"),
    ('<html lang="zh-CN"><body><h1>a</h1><img src="x.png"></body></html>', "<img src=x.png> has no alt"),
    ('<html lang="zh-CN"><body><h1>a</h1><div id="c" role="img"></div></body></html>',
     "role=img #c has no text alternative"),
    ('<html lang="zh-CN"><body><h1>a</h1><input name="q"></body></html>', "<input name=q> has no label"),
    ('<html lang="zh-CN"><body><h1>a</h1><a href="/x/"> </a></body></html>', "link /x/ has no text"),
    ('<html lang="zh-CN"><body><h1 id="a">a</h1><p id="a">b</p></body></html>', "id a is used 2 times"),
])
def test_each_check_reports_what_it_is_about(page, problem):
    assert problems_of(page) == [problem]


def test_a_page_that_meets_the_checks_has_no_problem():
    page = ('<html lang="zh-CN"><body><h1>a</h1><h2>b</h2><table><tr><th scope="col">年度</th></tr></table>'
            '<label for="q">搜索</label><input id="q" name="q"><label>年度<select name="y"></select></label>'
            '<div role="img" aria-label="图"></div><img src="x.png" alt=""><a href="/">首页</a></body></html>')
    assert problems_of(page) == []


# --- Contrast of the stylesheets' colour pairs (WCAG 2.1, 1.4.3: 4.5:1 for text) ---

MINIMUM = 4.5
# Rules that style the dark top bar: their text sits on its background, not on the page's.
ON_TOP_BAR = re.compile(r"^(header\.top|\.brand|\.who|button\.link|\.menu-toggle)(?![\w-])")


def _rules(css: str, variables: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, those inside @media blocks too, with var() resolved."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)  # the blocks' own closing braces then stand alone and match nothing
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                value = re.sub(r"var\((--[\w-]+)\)", lambda m: variables.get(m.group(1), m.group(0)), value)
                declarations[name.strip()] = value.replace("!important", "").strip()
        rules += [(selector.strip(), declarations) for selector in selectors.split(",") if selector.strip()]
    return rules


def _colour(value: str | None) -> tuple[int, int, int] | None:
    """An opaque #rgb or #rrggbb colour (the first in a shorthand such as ``background``), else None."""
    match = re.search(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", value or "")
    if match is None:
        return None
    digits = match.group(1) if len(match.group(1)) == 6 else "".join(c * 2 for c in match.group(1))
    return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours."""
    def luminance(rgb):
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_pairs(css: str) -> list[tuple[str, str, str, float]]:
    """(selector, text, background, ratio) of every rule that sets a text colour. A rule with its own background
    is paired with it; one on the top bar with the bar's; any other with each light surface text stands on (the
    page, the cards and tables, the header cells of lists)."""
    variables = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", css))
    rules = _rules(css, variables)
    backgrounds: dict[str, list] = {}
    for selector, declarations in rules:
        if colour := _colour(declarations.get("background-color") or declarations.get("background")):
            backgrounds.setdefault(selector, []).append(colour)
    surfaces = {f"{name} {n}": colour for name in ("body", ".card", "table.list th")
                for n, colour in enumerate(backgrounds[name], 1)}
    pairs = []
    for selector, declarations in rules:
        text = _colour(declarations.get("color"))
        if text is None:
            continue
        own = _colour(declarations.get("background-color") or declarations.get("background"))
        under = ({selector: own} if own else {"header.top": backgrounds["header.top"][0]}
                 if ON_TOP_BAR.match(selector) else surfaces)
        pairs += [(selector, _hex(text), f"{_hex(colour)} ({name})", round(contrast(text, colour), 2))
                  for name, colour in under.items()]
    return pairs


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def test_the_text_colours_of_the_public_stylesheets_contrast_enough():
    css = "\n".join((STATIC / name).read_text(encoding="utf-8") for name in STYLESHEETS)
    pairs = colour_pairs(css)
    assert len(pairs) > 40  # the stylesheets were read: every coloured rule is here
    assert [pair for pair in pairs if pair[3] < MINIMUM] == []


@pytest.mark.parametrize(("a", "b", "ratio"), [
    ((0, 0, 0), (255, 255, 255), 21.0), ((255, 255, 255), (255, 255, 255), 1.0), ((0x76, 0x76, 0x76), (255, 255, 255), 4.54)])
def test_contrast_is_the_wcag_ratio(a, b, ratio):
    assert round(contrast(a, b), 2) == ratio


def test_colour_pairs_take_the_rule_s_own_background_the_top_bar_or_the_surfaces():
    css = (":root { --ink:#111111; } body { background:#f3f5f7; } .card { background:#ffffff; } "
           "table.list th { background:#eeeeee; } header.top { background:#17324d; } "
           "header.top a { color:#dbe7f3; } .x { color:var(--ink); } @media (max-width:600px) { .y { color:#777; "
           "background:#000 } }")
    assert [(s, t, b.split()[0]) for s, t, b, _ in colour_pairs(css)] == [
        ("header.top a", "#dbe7f3", "#17324d"), (".x", "#111111", "#f3f5f7"), (".x", "#111111", "#ffffff"),
        (".x", "#111111", "#eeeeee"), (".y", "#777777", "#000000")]

"""The Content Security Policy: every page carries it, and no page needs what it forbids (inline script, event
handler attributes, style attributes, anything from another origin)."""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import Client

from jixiao.web.security.lockout import lockout_response
from tests.web.security.test_access_matrix import MATRIX, ROLES, _call


class InlineCode(HTMLParser):
    """Collects what the CSP would block: script elements with code, on*= handlers, style attributes and
    elements, and scripts or styles from another origin."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        found = dict(attrs)
        for name in found:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
        if "style" in found:
            self.problems.append(f"<{tag} style=…>")
        if tag == "style":
            self.problems.append("<style>")
        source = found.get("src") or (found.get("href") if tag == "link" else None) or ""
        if source.startswith(("http:", "https:", "//")):
            self.problems.append(f"<{tag}> from {source}")
        if tag == "script":
            self._script = found

    def handle_data(self, data) -> None:
        # json_script data blocks are not code; a script element with code is.
        if self._script is not None and data.strip() and self._script.get("type") != "application/json":
            self.problems.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._script = None


def _problems(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.problems


def test_the_parser_finds_what_the_policy_forbids():
    assert _problems('<script>alert(1)</script><a onclick="x()" style="color:red">a</a>') == [
        "inline <script>: alert(1)", "<a onclick=…>", "<a style=…>"]
    assert _problems('<script id="d" type="application/json">{"a": 1}</script><script src="/static/x.js"></script>') == []


def test_every_page_sends_the_policy_and_needs_nothing_it_forbids(world):
    pages = 0
    for name, entry in sorted(MATRIX.items()):
        if entry.method != "GET" or entry.api:
            continue
        for scope in entry.expect:
            names = world["scopes"]["own" if scope == "-" else scope]
            for role in ROLES:
                response = _call(entry, role, names, world)
                policy = response.get("Content-Security-Policy", "")
                assert "script-src 'self'" in policy and "default-src 'self'" in policy, (name, role)
                assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
                if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                    pages += 1
                    assert _problems(response.content.decode()) == [], (name, role, scope)
    assert pages > 40  # the pages were really rendered, not only redirects


def test_the_lockout_page_and_error_pages_need_no_inline_code(org, rf):
    request = rf.get("/login/")
    request.user = org["owner"]
    assert _problems(lockout_response(request).content.decode()) == []
    assert "Content-Security-Policy" in Client().get("/no-such-page/")

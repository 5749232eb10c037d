"""Every step a page asks about first (``data-confirm``) asks on the server too: a POST without ``confirmed=1`` — the
page's script not yet run, or blocked — gets a confirmation page and changes nothing; the page's form, posted back,
takes the step; who may not take the step is refused at the question as at the step."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser

import pytest
from django.test import Client

from jixiao.web.performance.models import Change, Spending
from jixiao.web.performance.services import spending_add
from jixiao.web.security.models import AuditEvent
from jixiao.web.sheets.models import HistoryEntry, Sheet, Status
from jixiao.web.sheets.services.workflow import sheet_transition


@dataclass(frozen=True)
class Step:
    """One step asked about: on which sheet (``fixture``, made ready by ``ready``), who takes it, at which URL with
    which fields, what the question page names, who is refused (with the status the step itself answers) and how
    to tell it was taken."""

    fixture: str
    person: str
    path: str
    data: dict
    page: str  # the page that carries the form (its data-confirm is the question the server asks)
    words: tuple[str, ...]
    refused: dict[str, int]
    done: Callable[[Sheet], bool]
    ready: str = ""


SHEET_WORDS = ("乡镇环境治理经费", "P-001", "遵化市西留村乡人民政府", "2026年度")

STEPS = {
    "delete": Step("sheet", "owner", "/sheets/{pk}/delete/", {}, "/sheets/{pk}/",
                   ("请确认：删除目标表", "删除后可在本年度“已删除的表”中恢复", *SHEET_WORDS),
                   {"reviewer": 403, "sibling": 404, "outsider": 404}, lambda sheet: sheet.deleted_at is not None),
    "submit with errors": Step("sheet", "owner", "/sheets/{pk}/transition/submit/", {"reason": "", "grade": ""},
                               "/sheets/{pk}/", ("请确认：提交审核", "这张表还有 2 项错误", *SHEET_WORDS),
                               {"reviewer": 403, "outsider": 403}, lambda sheet: sheet.status == Status.SUBMITTED,
                               ready="errors"),
    "approve": Step("sheet", "reviewer", "/sheets/{pk}/transition/approve/", {"grade": "良", "reason": "同意批复"},
                    "/sheets/{pk}/", ("请确认：批复", "批复后表格锁定", "良", "同意批复", "已提交", *SHEET_WORDS),
                    {"owner": 403, "other_reviewer": 403}, lambda sheet: sheet.status == Status.APPROVED,
                    ready="submitted"),
    "delete spending": Step("approved", "owner", "/performance/{pk}/spending/{spending}/delete/", {"version": 2},
                            "/performance/{pk}/", ("请确认：删除支出记录", "删除这条支出记录？", "2026-03-01 支出（财政资金）",
                                                   "2.00 万元", *SHEET_WORDS),
                            {"reviewer": 403, "sibling": 404, "outsider": 404},
                            lambda sheet: not Spending.objects.filter(tracking__sheet=sheet).exists(), ready="spending"),
}


@pytest.fixture
def step(request, org):
    """The step's sheet made ready, and the names its paths are filled with."""
    case = STEPS[request.param]
    sheet = request.getfixturevalue(case.fixture)
    names = {"pk": sheet.pk}
    if case.ready == "errors":
        Sheet.objects.filter(pk=sheet.pk).update(error_count=2)
    elif case.ready == "submitted":
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    elif case.ready == "spending":
        spending_add(user=org["owner"], sheet_id=sheet.pk, expected_version=1, day=date(2026, 3, 1),
                     amount=Decimal("2.00"), source=None)
        names["spending"] = Spending.objects.get().pk
    return case, sheet, names


def _done(case: Step, sheet) -> bool:
    return case.done(Sheet.objects.get(pk=sheet.pk))


def _records() -> tuple[int, int, int]:
    """The security audit log, the sheets' history and the tracking's history, counted."""
    return AuditEvent.objects.count(), HistoryEntry.objects.count(), Change.objects.count()


class _Form(HTMLParser):
    """The confirmation page's form: its action, its fields, its 取消 link."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.cancel, self._link = None, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and "logout" not in attrs.get("action", ""):
            self.action = attrs["action"]
        elif tag == "input" and self.action and attrs.get("type") == "hidden":
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "a":
            self._link = attrs.get("href")

    def handle_data(self, data):
        if self._link and data.strip() == "取消":
            self.cancel = self._link

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None


def _csrf_client(user) -> Client:
    """A client whose posts must carry the CSRF token, as a browser's do."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("step", list(STEPS), indirect=True)
def test_without_the_flag_the_server_asks_and_its_page_takes_the_step(org, step):
    case, sheet, names = step
    client = _csrf_client(org[case.person])
    form_page = client.get(case.page.format(**names))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.content.decode())[1]
    before = _records()

    asked = client.post(case.path.format(**names), {**case.data, "csrfmiddlewaretoken": token})

    page = asked.content.decode()
    assert asked.status_code == 200 and asked.templates[0].name == "confirm.html"
    text = unescape(page)
    assert all(word in text for word in case.words), [w for w in case.words if w not in text]
    assert not _done(case, sheet) and _records() == before  # nothing changed, nothing recorded
    # The dialog of the page the form is on asks the same question.
    question = asked.context["confirmation"].question
    assert f'data-confirm="{question}"' in form_page.content.decode()
    form = _Form()
    form.feed(page)
    assert form.action == case.path.format(**names)
    assert form.cancel == case.page.format(**names)
    fields = dict(form.fields)
    assert fields.pop("confirmed") == "1" and fields.pop("csrfmiddlewaretoken")
    assert fields == {name: str(value) for name, value in case.data.items()}  # the form's fields, posted back

    taken = client.post(form.action, dict(form.fields))

    assert taken.status_code == 302 and _done(case, sheet)
    assert _records() != before


@pytest.mark.parametrize("step", list(STEPS), indirect=True)
def test_with_the_flag_the_step_is_taken_at_once(org, login, step):
    case, sheet, names = step
    response = login(org[case.person]).post(case.path.format(**names), {**case.data, "confirmed": "1"})
    assert response.status_code == 302 and _done(case, sheet)


@pytest.mark.parametrize("flag", [{}, {"confirmed": "1"}], ids=["asked", "confirmed"])
@pytest.mark.parametrize("step", list(STEPS), indirect=True)
def test_who_may_not_take_the_step_is_refused_at_the_question_too(org, login, step, flag):
    case, sheet, names = step
    for person, status in case.refused.items():
        refusals = AuditEvent.objects.filter(action="access_refused").count()
        response = login(org[person]).post(case.path.format(**names), {**case.data, **flag})
        assert response.status_code == status, person
        assert "confirm.html" not in [t.name for t in response.templates], person
        # Refused and recorded alike, whether the step was asked about or confirmed.
        assert AuditEvent.objects.filter(action="access_refused").count() == refusals + 1, person
    assert not _done(case, sheet)


@pytest.mark.parametrize("step", list(STEPS), indirect=True)
def test_a_get_neither_asks_nor_takes_the_step(org, login, step):
    case, sheet, names = step
    client = login(org[case.person])
    before = _records()
    response = client.get(case.path.format(**names), {**case.data, "confirmed": "1"})
    assert response.status_code == 405 and not _done(case, sheet) and _records() == before


def test_a_step_the_server_would_refuse_is_refused_before_asking(org, sheet, login):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    client = login(org["owner"])
    # A submitted sheet cannot be deleted: said at once, not asked about.
    deleted = client.post(f"/sheets/{sheet.pk}/delete/", follow=True)
    assert "这张表已提交，不能删除" in deleted.content.decode() and "请确认" not in deleted.content.decode()
    # An approval without a grade: the reviewer is told to choose one, not asked to confirm.
    approved = login(org["reviewer"]).post(f"/sheets/{sheet.pk}/transition/approve/", {"grade": ""}, follow=True)
    assert "请选择审核等级" in approved.content.decode() and "请确认" not in approved.content.decode()
    sheet.refresh_from_db()
    assert sheet.deleted_at is None and sheet.status == Status.SUBMITTED


@pytest.mark.parametrize(("name", "data"), [("submit", {}), ("return", {"reason": "缺少时效指标"})])
def test_steps_not_asked_about_are_taken_without_the_flag(org, sheet, login, name, data):
    # A sheet without errors is submitted at once (its button carries no question), and so is a return.
    Sheet.objects.filter(pk=sheet.pk).update(error_count=0)
    if name == "return":
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    person = "owner" if name == "submit" else "reviewer"
    page = login(org[person]).get(f"/sheets/{sheet.pk}/").content.decode()
    form = page.split(f"/transition/{name}/")[1].split(">")[0]
    assert "data-confirm" not in form
    assert login(org[person]).post(f"/sheets/{sheet.pk}/transition/{name}/", data).status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == {"submit": Status.SUBMITTED, "return": Status.RETURNED}[name]


def test_a_deleted_sheet_confirmed_is_listed_as_deleted_and_restored(org, sheet, login):
    client = login(org["owner"])
    client.post(f"/sheets/{sheet.pk}/delete/")
    assert Sheet.objects.get(pk=sheet.pk).deleted_at is None
    done = client.post(f"/sheets/{sheet.pk}/delete/", {"confirmed": "1"}, follow=True)
    # The preparer is told which table went where, and lands on its year's list, whose link leads there
    assert done.redirect_chain == [("/sheets/?year=2026", 302)]
    message = unescape(done.content.decode().split('<p class="msg success">')[1].split("</p>")[0])
    assert message == ("已删除2026年度的“乡镇环境治理经费”（遵化市西留村乡人民政府）。这张表已移到本年度的“已删除的表”中，"
                       "可在那里查看或恢复；删除操作已记入这张表的修改记录")
    assert '<a href="?year=2026&deleted=1">已删除的表</a>' in done.content.decode()
    assert sheet.name in client.get("/sheets/", {"year": 2026, "deleted": "1"}).content.decode()
    history = client.get(f"/sheets/{sheet.pk}/").content.decode().split("<h2>修改记录</h2>")[1]
    assert re.search(r"<tbody>\s*<tr><td>[^<]*</td><td>[^<]*</td><td>删除</td>", history)  # the record it names
    client.post(f"/sheets/{sheet.pk}/restore/")  # restoring asks nothing: it undoes
    assert Sheet.objects.get(pk=sheet.pk).deleted_at is None
    assert list(HistoryEntry.objects.filter(sheet=sheet).values_list("action", flat=True)[:2]) == ["restore",
                                                                                                  "delete"]

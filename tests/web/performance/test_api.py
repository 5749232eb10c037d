"""The performance API: the same permissions as the pages, validation by the core's models, stale saves as 409."""

import pytest

from jixiao.web.performance.models import Answer

SPENDING = {"version": 1, "day": "2026-05-01", "amount": "9", "source": "财政资金"}


@pytest.mark.parametrize(("person", "read", "write"), [
    ("owner", 200, 200), ("reviewer", 200, 403), ("admin", 200, 200), ("outsider", 404, 404),
    ("other_reviewer", 404, 404),
])
def test_read_and_write_by_role(api, approved, person, read, write):
    client = api(person)
    assert client.get(f"/api/performance/{approved.pk}").status_code == read
    assert client.post(f"/api/performance/{approved.pk}/spending", SPENDING,
                       content_type="application/json").status_code == write


def test_the_year_carries_the_cores_monitoring(api, approved):
    body = api("owner").post(f"/api/performance/{approved.pk}/spending", SPENDING,
                             content_type="application/json").json()
    assert body["version"] == 2 and body["monitoring"]["execution_rate"] == "50.00"
    assert body["monitoring"]["light"] == "yellow" and body["score"] is None and body["score_problems"]
    # each message rendered where clients read it, beside its template and params
    details = body["score_problem_details"]
    assert [p["message"] for p in details] == body["score_problems"] and all(p["template"] for p in details)
    warning, monitoring = body["monitoring"]["warnings"][0], body["monitoring"]
    assert warning["params"]["rate"] == "50.00" and "{rate}" in warning["template"] and "50.00%" in warning["message"]
    working = monitoring["projected_working"]
    assert "{spent}" in working["template"] and monitoring["projected_explanation"] == working["message"]
    # a score's working has the same shape as every message: its template, params and message
    item = monitoring["indicators"][0]
    assert set(item["explanation_wording"]) == {"template", "params", "message"}
    assert item["explanation"] == item["explanation_wording"]["message"]


def test_an_uncertain_answer_without_remedy_is_refused_with_the_models_message(api, approved):
    response = api("owner").put(f"/api/performance/{approved.pk}/monitoring", {
        "version": 1, "answers": [{"indicator": 1, "likelihood": "有可能"}]}, content_type="application/json")
    body = response.json()
    assert response.status_code == 400 and body["field"] == "answers.0"
    assert "须填写偏差原因和改进措施" in body["errors"][0]["message"] and "须填写偏差原因和改进措施" in body["detail"]


def test_a_stale_save_is_a_conflict_with_the_changes(api, approved):
    client = api("owner")
    client.post(f"/api/performance/{approved.pk}/spending", SPENDING, content_type="application/json")
    stale = client.put(f"/api/performance/{approved.pk}/evaluation", {
        "version": 1, "evaluation": {"sheet": "P-001", "spent": "18"}}, content_type="application/json")
    assert stale.status_code == 409 and stale.json()["changes"][0]["field"].startswith("2026-05-01")


def test_evaluation_is_scored(api, approved):
    body = api("owner").put(f"/api/performance/{approved.pk}/evaluation", {"version": 1, "evaluation": {
        "sheet": "P-001", "spent": "18", "results": [{"indicator": 1, "actual": "18"}, {"indicator": 2, "actual": "95"}]}},
        content_type="application/json").json()
    assert body["score"]["total"] == "100.00" and body["score"]["grade"] == "优"


def test_amounts_with_four_places_come_back_as_printed(api, approved):
    client = api("owner")
    body = client.post(f"/api/performance/{approved.pk}/spending", {**SPENDING, "amount": "15.3518"},
                       content_type="application/json").json()
    assert body["record"]["entries"][0]["amount"] == "15.3518"
    body = client.put(f"/api/performance/{approved.pk}/evaluation", {"version": 2, "evaluation": {
        "sheet": "P-001", "budget_initial": "18.0012", "spent": "15.3518"}}, content_type="application/json").json()
    assert (body["evaluation"]["budget_initial"], body["evaluation"]["spent"]) == ("18.0012", "15.3518")


@pytest.mark.parametrize(("answers", "stored"), [
    ([{"indicator": 1}], []),
    ([{"indicator": 1}, {"indicator": 2, "likelihood": "确定能"}], [(2, "确定能")]),
    ([{"indicator": 1, "likelihood": "有可能", "causes": ["其他"], "remedy": "加快进度"}], [(1, "有可能")]),
])
def test_an_omitted_likelihood_stays_unreported(api, approved, answers, stored):
    response = api("owner").put(f"/api/performance/{approved.pk}/monitoring", {"version": 1, "answers": answers},
                                content_type="application/json")
    assert response.status_code == 200
    assert list(Answer.objects.filter(tracking__sheet=approved).order_by("indicator")
                .values_list("indicator", "likelihood")) == stored
    reported = {row["indicator"]: row["answer"]["likelihood"]
                for row in response.json()["monitoring"]["indicators"] if row["answer"]}
    assert reported == dict(stored)


def test_details_without_a_likelihood_are_refused(api, approved):
    response = api("owner").put(f"/api/performance/{approved.pk}/monitoring", {
        "version": 1, "answers": [{"indicator": 1, "remedy": "加快进度"}]}, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "answers.0"
    assert "填写了改进措施，请选择完成目标可能性" in response.json()["detail"]
    assert not Answer.objects.exists()

"""Every message jixiao keeps has one shape (:class:`jixiao.model.wording.Worded`): a finding, its fix, a reader's
diagnostic, a note on a 指标值 cell, a monitoring warning, a problem with the inputs to scoring, a score's working,
flag and note. Each is its template and parameters, rendered late as ``message``; a cell given as a parameter is never
read as template text; and each, stored by an earlier version as its text alone (or, for a working, as
``explanation_template`` and ``explanation_params`` beside the score), is still read and shows the text it showed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal as D

import pytest
from pydantic import BaseModel

from jixiao.documents.codes import diagnostic
from jixiao.model import Diagnostic, Document, Location
from jixiao.model.finding import Applicability, Dimension, Finding, Fix
from jixiao.model.target import TargetNote
from jixiao.model.target_text import parse_target
from jixiao.model.wording import Phrase, Worded
from jixiao.scoring import Alert, InputProblem, ItemScore, Light, MonitoringResult, SheetScore, score_sheet
from jixiao.scoring.scores import explained
from tests.scoring.builders import evaluation, profile, sheet

CELL = "{x}<b>{{y}}</b>"  # a cell as written: braces, doubled braces and markup

_FINDING = {"rule": "R001", "name": "a-rule", "severity": "warning", "dimension": Dimension.FORM, "source": "财预"}
_ITEM = {"level1": "产出指标", "name": "A", "target": "≥1个", "actual": "2个", "weight": "25", "score": "25"}

# Each kind of message, made by its own factory with ``cell`` as a parameter, and the message in it.
KINDS: dict[str, Callable[[str], Worded]] = {
    "finding": lambda cell: Finding.of("指标“{indicator}”有误", {"indicator": cell}, **_FINDING),
    "fix": lambda cell: Fix.of(Applicability.SAFE, "改为“{after}”", after=cell),
    "diagnostic": lambda cell: diagnostic("P113", Location(row=2), text=cell),
    "target note": lambda cell: parse_target(f"≥90%{cell}").notes[0],
    "input problem": lambda cell: InputProblem.of("指标“{name}”缺少实际完成值", {"name": cell}, sheet="P-1"),
    "alert": lambda cell: Alert.of("指标“{name}”进度落后", {"name": cell}, code="behind_plan", light=Light.RED),
    "working": lambda cell: (
        ItemScore(
            **_ITEM, **explained(Phrase("分值 = {weight}（{name}）", {"weight": D("25.00"), "name": cell}))
        ).explanation_wording
    ),
    "flag": lambda cell: ItemScore(**_ITEM, flag_wordings=[Worded.of("“{cell}”需复核", {"cell": cell})]).flag_wordings[
        0
    ],
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_cell_given_as_a_parameter_is_shown_as_written(kind):
    message = KINDS[kind](CELL)
    assert isinstance(message, Worded) and CELL in message.params.values()
    assert CELL in message.message and "{x}" not in message.template


@pytest.mark.parametrize("kind", KINDS)
def test_every_message_is_sent_and_read_back_in_the_one_shape(kind):
    message = KINDS[kind](CELL)
    sent = message.model_dump(mode="json")
    assert {"template", "params", "message"} <= sent.keys() and sent["message"] == message.message
    # a figure is read back as its text as shown, which renders the same
    assert type(message).model_validate(sent).model_dump(mode="json") == sent


@pytest.mark.parametrize(
    ("model", "stored", "read"),
    [
        # as jixiao stored each before it kept its template: its text alone, braces and all
        (Finding, {**_FINDING, "dimension": "规范性", "message": "指标“{A}”有误"}, lambda value: value.message),
        (Fix, {"applicability": "display-only", "summary": "改为“{A}”"}, lambda value: value.summary),
        (Diagnostic, {"code": "P113", "severity": "warning", "message": "“{A}”不是指标"}, lambda value: value.message),
        (TargetNote, {"code": "leftover", "message": "指标值中混有其他文字：“{A}”"}, lambda value: value.message),
        (InputProblem, {"sheet": "P-1", "message": "“{A}”缺少实际完成值"}, lambda value: value.message),
        (Alert, {"code": "behind_plan", "light": "red", "message": "“{A}”进度落后"}, lambda value: value.message),
        (ItemScore, {**_ITEM, "explanation": "分值 = {A}"}, lambda value: value.explanation),
        (ItemScore, {**_ITEM, "flags": ["“{A}”需复核"]}, lambda value: value.flags[0]),
    ],
)
def test_a_message_stored_as_its_text_alone_shows_that_text(model, stored, read):
    value = model.model_validate(stored)
    assert "{A}" in read(value) and read(model.model_validate(value.model_dump(mode="json"))) == read(value)


def test_a_working_stored_beside_its_score_reads_as_the_same_working():
    # the shape a score kept its working in before it was a message of its own (a published self-evaluation)
    two = sheet(("产出指标", "A", "≥100个"), ("产出指标", "B", "≤5%"))
    score = score_sheet(two, evaluation("90", {"actual": "80"}, {"actual": "0"}), profile("central"))

    def earlier(value: dict) -> dict:
        working = value.pop("explanation_wording")
        return {**value, "explanation_template": working["template"], "explanation_params": working["params"]}

    sent = score.model_dump(mode="json")
    stored = {**earlier(dict(sent)), "items": [earlier(dict(item)) for item in sent["items"]]}
    loaded = SheetScore.model_validate(stored)
    assert loaded.explanation == score.explanation and [item.explanation for item in loaded.items] == [
        item.explanation for item in score.items
    ]
    assert loaded.model_dump(mode="json") == sent


def test_a_problem_quoting_a_cell_shows_it_as_written():
    # made by scoring itself: an indicator named with braces, short of full marks without a reason
    named = sheet(("产出指标", CELL, "≥100个"), ("产出指标", "B", "≤5%"))
    data = evaluation("90", {"actual": "80"}, {"actual": "0"})
    data.results[0].deviation = None
    (problem,) = score_sheet(named, data, profile("central")).missing
    assert problem.params["name"] == CELL and f"“{CELL}”" in problem.message


def _models(model: type[BaseModel], seen: set[type]) -> Iterator[type[BaseModel]]:
    """``model`` and every model its fields hold, each once."""
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for inner in _types(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from _models(inner, seen)


def _types(annotation: object) -> Iterator[object]:
    yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _types(argument)


def test_no_model_keeps_a_message_of_another_shape():
    # a template, parameters or a message kept as text beside other fields are a message's own fields only: a Worded,
    # or a field holding one
    seen: set[type] = set()
    for model in [m for root in (Document, Finding, SheetScore, MonitoringResult) for m in _models(root, seen)]:
        if issubclass(model, Worded):
            continue
        loose = [
            name for name in model.model_fields if "template" in name or name.endswith("params") or name == "message"
        ]
        assert not loose, f"{model.__name__} keeps {loose} outside a Worded"

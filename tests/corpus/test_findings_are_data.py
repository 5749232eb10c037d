"""One value, one shape, rendered late: a finding's parameters, and its fix's, are data, its wording is in the rule's
templates.

Over every finding on the dev documents and the seed sample, each parameter must be data: a figure (≥18个, 80.00), a
code, text quoted from the document (a name, a cell, an excerpt: each item of a list joined by 、 or quoted one after
another (“a”“b”), each part around an ellipsis, once its quotation marks are taken off, stands in what the reader read,
each text apart), a name of the form (a level's canonical name, a column, a unit) or one of the rule's declared
``terms``. A list whose items pair several data (a name and its figure) takes one parameter per datum
(:func:`jixiao.model.finding.listed`). A sentence fragment the rule composed
(“，按指标名称应为“%””, “是效益指标，指标值却只答“是””) is none of these: it belongs in a template of the rule's
own (``Rule.finding(..., template=...)``), so that the page, the API and the CLI render the same message from the
same data, and a wording changes without the rule running again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

import pytest

from benchmarks.corpus_score import Entry, read_entry
from benchmarks.review_judging import load_judgments, profile_for, scoring_profile
from jixiao.cli.check_command import check_document
from jixiao.documents.read import read_path
from jixiao.model import Document
from jixiao.model.finding import Finding, listed
from jixiao.model.lexicon import fold
from jixiao.model.units import canonical_unit
from jixiao.model.vocabulary import canonical_level1, canonical_level2
from jixiao.review import load_profile
from jixiao.review.registry import by_code
from jixiao.review.rule import COLUMNS
from jixiao.scoring import builtin_profiles
from jixiao.scoring import load_profile as load_scoring_profile
from jixiao.scoring.audit.registry import AUDIT_RULES
from tests.conftest import FIXTURES

# Rules whose parameters still hold text they composed: debt, to be converted as JX931 and JX912 were. A rule listed
# here that composes nothing on the corpus fails the test, so that the list only shrinks.
COMPOSING = frozenset({
    "JX001",  # the reader's diagnostic, passed on with its message as the reader rendered it
})

_HAN = re.compile(r"[\u4e00-\u9fff]")
# a figure: an operator, a number and a unit (checked apart), as a target is shown (≥18个, 1600元/亩, 80.00)
_FIGURE = re.compile(r"[≥≤=<>]?\s*-?\d[\d.,]*\s*(?P<unit>\S*)")
_QUOTES = "“”‘’《》「」\"'()（） "
# slots the rule base fills: the sheet's key and the row's name (or the base's words for a row without one)
_BASE_SLOTS = frozenset({"sheet", "indicator"})


def _strings(value: object) -> Iterator[str]:
    """Every text the reader read into ``value`` (not its own diagnostics and notes on a cell, which it composed)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if {"code", "message"} <= value.keys():
            return
        for key, item in value.items():
            if key != "diagnostics":
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _flat(text: str) -> str:
    return "".join(fold(text).split())


def _named(value: str, terms: frozenset[str]) -> bool:
    """True when ``value`` is a name of the form or one of the rule's own ``terms``."""
    return (value in terms or value in COLUMNS.values() or canonical_level1(value) == value
            or canonical_level2(value) == value or canonical_unit(value) is not None)


def _is_data(value: str, text: str, terms: frozenset[str]) -> bool:
    """True when the parameter ``value`` is data (see the module's docstring) for a document whose read text, folded
    and without spaces, is ``text``."""
    if not _HAN.search(value) or _named(value, terms):
        return True
    if (figure := _FIGURE.fullmatch(value)) and (not figure["unit"] or canonical_unit(figure["unit"])):
        return True
    parts = [part.strip(_QUOTES) for part in re.split(r"、|…|”“", value)]
    return all(not part or _flat(part) in text or _named(part, terms) for part in parts if _HAN.search(part))


def _terms(code: str) -> frozenset[str]:
    rule = by_code(code) or next((rule for rule in AUDIT_RULES if rule.code == code), None)
    if rule in AUDIT_RULES:  # an audit names the scoring profile it recomputed under (“按评分方案“湖北省”取 20”)
        return rule.terms | _profile_labels()
    return rule.terms if rule is not None else frozenset()


@cache
def _profile_labels() -> frozenset[str]:
    return frozenset(load_scoring_profile(name).label for name in builtin_profiles())


def _findings(document: Document, review) -> Iterator[tuple[Finding, str]]:
    # (a sheet's goal is quoted whole, its lines run together)
    read = [*_strings(document.model_dump(mode="json")), *("".join(sheet.goals) for sheet in document.sheets)]
    text = "\0".join(_flat(string) for string in read)
    for finding in list(review.document_findings) + [f for sheet in review.sheets for f in sheet.findings]:
        yield finding, text


@cache
def _corpus() -> tuple[tuple[str, Finding, str], ...]:
    found = []
    for judgment in load_judgments():
        if judgment.split != "dev" or judgment.path is None:
            continue
        document, _ = read_entry(Entry(judgment.stem, judgment.path, judgment.kind, judgment.split, ()))
        if document is not None:
            review = check_document(document, profile_for(judgment), scoring_profile(judgment)).review
            found += [(judgment.stem, finding, text) for finding, text in _findings(document, review)]
    for name in ("sample.txt", "sample_corrected.txt"):
        document = read_path(FIXTURES / name)
        review = check_document(document, load_profile(), load_scoring_profile()).review
        found += [(name, finding, text) for finding, text in _findings(document, review)]
    return tuple(found)


def _composed(finding: Finding, text: str) -> dict[str, str]:
    """The parameters of the finding's message, and of its fix's summary (``fix.`` before their names), that are not
    data."""
    terms = _terms(finding.rule)
    params = {**finding.params, **{f"fix.{key}": value for key, value in (finding.fix.params if finding.fix else {}).items()}}
    # (a figure kept as a Decimal is data by its type)
    return {key: value for key, value in params.items()
            if key not in _BASE_SLOTS and not isinstance(value, Decimal) and not _is_data(value, text, terms)}


def test_every_parameter_of_a_finding_is_data():
    composed = [f"{stem} {finding.rule} {_composed(finding, text)}" for stem, finding, text in _corpus()
                if finding.rule not in COMPOSING and _composed(finding, text)]
    assert composed == [], "\n".join(composed)


def test_the_rules_still_composing_are_listed_only_while_they_do():
    still = {finding.rule for _, finding, text in _corpus() if _composed(finding, text)}
    assert sorted(COMPOSING - still) == []


@pytest.mark.parametrize(("value", "data"), [
    ("≥18个", True), ("80.00", True), ("1600元/亩", True), ("村人居环境整治个数", True), ("时效指标", True),
    ("“村人居环境整治个数”、“垃圾清运车辆”", True), ("…全乡18个行政…", True),
    ("，按指标名称应为“%”", False), ("是效益指标，指标值却只答“是”", False), ("18个村生态环境", False),
])
def test_what_counts_as_data(value, data):
    text = _flat("村人居环境整治个数 ≥18个 全乡18个行政村全覆盖 垃圾清运车辆 是")
    assert _is_data(value, text, frozenset()) is data


def test_a_list_in_a_message_is_rendered_from_one_parameter_per_cell():
    rows, params = listed("“{name}”（{raw}）", [{"name": "整治村数", "raw": "18个"}, {"name": "覆盖率{全}", "raw": "95"}])
    assert params == {"name_1": "整治村数", "raw_1": "18个", "name_2": "覆盖率{全}", "raw_2": "95"}
    assert f"指标{rows}的指标值".format_map(params) == "指标“整治村数”（18个）、“覆盖率{全}”（95）的指标值"

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

The messages of monitoring and scoring (a warning, a problem with the inputs, an item's flag, a sheet's note, how a
figure was computed) are held to the same rule over their inputs: each parameter is data of the inputs (the sheet,
the preparer's results and answers, the profile) or a figure, and no figure is written into a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from string import Formatter

import pytest

from benchmarks.corpus_score import Entry, read_entry
from benchmarks.review_judging import load_judgments, profile_for, scoring_profile
from jixiao.cli.check_command import check_document
from jixiao.documents.read import read_path
from jixiao.model import (
    CumulativeSpending,
    Document,
    ExecutionRecord,
    IndicatorProgress,
    Likelihood,
    MonitoringAnswer,
    QualitativeTier,
)
from jixiao.model.finding import Finding, listed
from jixiao.model.lexicon import fold
from jixiao.model.units import canonical_unit
from jixiao.model.vocabulary import canonical_level1, canonical_level2
from jixiao.model.wording import literal
from jixiao.review import load_profile
from jixiao.review.context import goal_lines
from jixiao.review.registry import by_code
from jixiao.review.rule import COLUMNS
from jixiao.scoring import ScoringInputError, builtin_profiles, monitor_sheet, score_sheet
from jixiao.scoring import load_profile as load_scoring_profile
from jixiao.scoring.audit.registry import AUDIT_RULES
from tests.conftest import FIXTURES
from tests.scoring.builders import evaluation, monitoring_profile, profile
from tests.scoring.builders import sheet as goal_sheet

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
    """Every text the reader read into ``value`` (not its own diagnostics and notes on a cell, which it composed, but
    the cells of the rows a diagnostic set aside, kept as read)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if {"code", "message"} <= value.keys():
            return
        for key, item in value.items():
            if key != "diagnostics":
                yield from _strings(item)
            else:
                yield from (cell for said in item for cell in said.get("set_aside") or ())
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
    # (a sheet's goal is quoted whole, its lines run together, without the labels and page marks among them)
    read = [*_strings(document.model_dump(mode="json")), *("".join(goal_lines(sheet.goals)) for sheet in document.sheets),
            *("".join(sheet.goals) for sheet in document.sheets)]
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


# --- the messages of monitoring and scoring

# Figures a template may still hold: the rule's own constants, which no input changes (a percentage's whole, the day
# a budget year begins, a budget of 0, the labels a spending plan's checkpoints are asked to be written as).
_CONSTANTS = re.compile(r"100|1月1日|或为 0|“3月底”“6月底”")
# Where a value kept a message as its text alone (before it kept the template): each such text is a template of no
# slots, whose figures are then written into it.
_RENDERED = frozenset({"message", "explanation", "planned_explanation", "projected_explanation", "flags", "notes"})
_PLAN = (("3月底", "30"), ("6月底", "60"), ("10月底", "90"), ("12月底", "100"))
_ALERTS = frozenset({"behind_plan", "ahead_of_plan", "over_budget", "below_floor", "progress_gap", "goal_at_risk",
                     "not_started"})


def _wordings(value: object, path: str = "") -> Iterator[tuple[str, str, dict]]:
    """(where, template, params) of every message in ``value``, a model dumped without its rendered texts."""
    if isinstance(value, list):
        for number, item in enumerate(value):
            yield from _wordings(item, f"{path}[{number}]")
    if not isinstance(value, dict):
        return
    if "template" in value:
        yield path, value["template"], value.get("params", {})
    for key, item in value.items():
        texts = [item] if isinstance(item, str) else item if isinstance(item, list) else []
        if key in _RENDERED and texts and all(isinstance(text, str) for text in texts):
            yield from ((f"{path}.{key}", literal(text), {}) for text in texts)
        elif not isinstance(item, str):
            yield from _wordings(item, f"{path}.{key}")


def _message_composed(template: str, params: dict, text: str) -> list[str]:
    """What is wrong with a message of monitoring or scoring whose inputs' text, folded and without spaces, is
    ``text``: a figure written into its template, a parameter that is not data."""
    wording = _CONSTANTS.sub("", "".join(literal_text for literal_text, *_ in Formatter().parse(template)))
    wrong = [f"figure in the template: {template}"] if re.search(r"\d", wording) else []
    terms = _profile_labels()
    return wrong + [f"{key}={value}" for key, value in params.items()
                    if not isinstance(value, Decimal) and not _is_data(value, text, terms)]


def _inputs_text(*models) -> str:
    return "\0".join(_flat(string) for model in models for string in _strings(model.model_dump(mode="json")))


def _scored() -> Iterator[tuple[str, object, str]]:
    """Scores and the problems that prevent them: flags, notes, an adjustment, every kind of input problem."""
    four = goal_sheet(("产出指标", "A", "≥100个"), ("产出指标", "B", "≤10天"), ("效益指标", "C", "明显提升"),
                 ("满意度指标", "D", "≥90%"))
    results = ({"actual": "180"}, {"actual": "7"},
               {"tier": QualitativeTier.PARTIAL, "tier_percent": Decimal(70), "tier_reason": "部分村未完成"},
               {"not_applicable": True})
    hubei = profile("hubei", overshoot_deduction=True, execution_cap=True)
    for name, data, rules in [("scored", evaluation("120", *results), profile("central")),
                              ("capped", evaluation("45", *results), hubei)]:
        data.results[0].deviation = None
        yield name, score_sheet(four, data, rules), _inputs_text(four, data, rules)
    weighted = goal_sheet(("产出指标", "A", "≥10个", "30"), ("产出指标", "B", "≥10个"), ("效益指标", "C", "≥1个"))
    data, rules = evaluation("100", {"actual": "10"}, {"actual": "9"}, {"actual": "1"}), profile("central")
    yield "weighted", score_sheet(weighted, data, rules), _inputs_text(weighted, data, rules)
    thirds = goal_sheet(*[("产出指标", name, "≥1个") for name in "ABC"], ("效益指标", "D", "≥1个"), ("满意度指标", "E", "≥1个"))
    data = evaluation("100", *[{"actual": "1"}] * 5)
    yield "rounded", score_sheet(thirds, data, rules), _inputs_text(thirds, data, rules)
    odd = goal_sheet(("产出指标", "A", "≥100个"), ("产出指标", "B", "≥1个"), ("效益指标", "C", "明显提升"),
                ("效益指标", "D", "≥1个"), ("满意度指标", "E", "≥90%"))
    odd.indicators[4].level1, odd.indicators[4].level1_raw = None, "其他指标"
    data = evaluation("1", {}, {"actual": "1", "name": "别的指标"}, {"actual": "3"},
                      {"tier": QualitativeTier.PARTIAL, "tier_percent": Decimal(95), "tier_reason": "理由"},
                      {"actual": "1"})
    data.spent = None
    data.results.pop(0)
    with pytest.raises(ScoringInputError) as raised:
        score_sheet(odd, data, rules)
    yield "unscored", raised.value.problems, _inputs_text(odd, data, rules)
    # every indicator placed: what is wrong with each result (no actual value, a tier's share outside its band, a
    # target that is not a figure without a tier)
    placed = goal_sheet(("产出指标", "A", "≥100个"), ("效益指标", "B", "明显提升"), ("效益指标", "C", "明显提升"))
    data = evaluation("1", {}, {"actual": "3"},
                      {"tier": QualitativeTier.PARTIAL, "tier_percent": Decimal(95), "tier_reason": "理由"})
    with pytest.raises(ScoringInputError) as raised:
        score_sheet(placed, data, rules)
    yield "unscorable", raised.value.problems, _inputs_text(placed, data, rules)


def _monitored() -> Iterator[tuple[str, object, str]]:
    """Monitoring results with every kind of warning, and the problems that prevent one."""
    one = goal_sheet(("产出指标", "A", "≥100个"), ("效益指标", "B", "≥90%"), ("产出指标", "C", "明显提升"), plan=_PLAN)
    answers = [MonitoringAnswer(indicator=1, likelihood=Likelihood.POSSIBLE, causes=["人员保障", "经费保障"],
                                remedy="增派人手"),
               MonitoringAnswer(indicator=2, likelihood=Likelihood.IMPOSSIBLE, causes=["其他"], remedy="调整目标",
                                expected_value=Decimal(80))]
    ahead = monitoring_profile(ahead_of_plan={"enabled": True}, over_budget={"enabled": False})
    floors = monitoring_profile(floors={"enabled": True, "source": "测试用的地方文件"})
    cases = [("behind", "10", date(2025, 6, 30), floors, None), ("ahead", "95", date(2025, 6, 30), ahead, None),
             ("over", "120", date(2025, 6, 30), monitoring_profile(), None),
             ("not started", "0", date(2025, 6, 30), monitoring_profile(), date(2024, 12, 1))]
    for name, spent, day, rules, today in cases:
        record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=day, amount=Decimal(spent))],
                                 progress=[IndicatorProgress(indicator=1, as_of=day, value=Decimal(5)),
                                           IndicatorProgress(indicator=2, as_of=day, value=Decimal(60))])
        result = monitor_sheet(one, record, day, answers[:1 + (name == "behind")], rules, year=2025, today=today)
        yield name, result, _inputs_text(one, record, *answers, rules)
    for name, bare in [("no budget", goal_sheet(("产出指标", "A", "≥1个"), budget="0")),
                       ("plan unread", goal_sheet(("产出指标", "A", "≥1个"), plan=(("第一批", "50"),)))]:
        with pytest.raises(ScoringInputError) as raised:
            monitor_sheet(bare, ExecutionRecord(sheet="P-1"), date(2025, 6, 30), [], monitoring_profile(), year=2025)
        yield name, raised.value.problems, _inputs_text(bare)


def _dumped(value: object) -> object:
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    return value.model_dump(exclude_computed_fields=True)


def test_every_message_of_monitoring_and_scoring_is_a_template_and_its_data():
    composed = [f"{name}{where} {wrong}" for name, value, text in [*_scored(), *_monitored()]
                for where, template, params in _wordings(_dumped(value))
                for wrong in _message_composed(template, params, text)]
    assert composed == [], "\n".join(composed)


def test_the_messages_held_to_the_rule_are_every_kind():
    # the cases above raise every warning, flag, note, adjustment and problem, so that none escapes the rule
    monitored = [value for _, value, _ in _monitored()]
    assert {alert.code for result in monitored if not isinstance(result, list) for alert in result.warnings} == _ALERTS
    scored = {name: value for name, value, _ in _scored()}
    assert all(item.flags for item in scored["scored"].items[:3]) and scored["capped"].adjustments
    assert len({note.template for score in scored.values() if not isinstance(score, list)
                for note in score.note_wordings}) == 4
    fields = {problem.field for value in [*monitored, *scored.values()] if isinstance(value, list) for problem in value}
    assert fields >= {"全年执行数", "三级指标", "一级指标", "得分比例", "定性档次", "实际完成值", "预算数", "资金支出计划"}

"""Score jixiao's review against a finance-bureau reviewer's judgments of real documents (issue 10).

The judged corpus lives in ``tests/corpus/judged``: one TOML per document (the reviewer's grade, flags and clean
entries, format in ``tests/corpus/README.md``) and ``kinds.toml``, the one mapping from problem kinds to the rule
codes that should report them. A finding is *correct* when it matches a flag: the same sheet (when the flag names
one), the same indicator by name similarity (a ``sheet`` flag takes any finding of its kind in the sheet, a flag
naming a level such as 社会效益指标 any finding of its kind on a row under that level), and a rule code listed for the
flag's kind. Everything else is a false finding. Reader diagnostics (JX001) are about reading, not review, and are
counted apart.

:func:`score_corpus` returns the figures that ``python -m benchmarks.review_corpus`` prints and that
``tests/corpus/test_review_figures.py`` pins.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from benchmarks import corpus_score
from benchmarks.corpus_score import CORPUS, Entry, load_golden, load_manifest, read_entry
from benchmarks.golden_reading import golden_document
from jixiao.cli.check_command import check_document
from jixiao.model import Document
from jixiao.model.vocabulary import canonical_level1, canonical_level2
from jixiao.review import Finding, Review, available_profiles, load_profile
from jixiao.scoring import load_profile as load_scoring_profile
from jixiao.scoring.profile import Profile as ScoringProfile
from jixiao.scoring.profile import builtin_profiles

JUDGED = CORPUS / "judged"
KINDS_FILE = JUDGED / "kinds.toml"
KINDS_MD = JUDGED / "KINDS.md"
# What a judged file covers: "all" (review and audit), or "audit" (only the audit flags of a self-evaluation or
# monitoring document were judged; the review benchmark leaves it out).
SCOPES = frozenset({"all", "audit"})
MANIFEST = CORPUS / "manifest.toml"
# The seed sample is judged but not in the manifest; it lives beside the shared corpus.
SEED = CORPUS.parent.parent.parent / "shared" / "seed"

READER_RULE = "JX001"
GRADES = ("优", "良", "中", "差")
# A document counts as "read" when the review saw at least this share of the indicators a careful reader gets.
READ_THRESHOLD = 0.8
# Two indicator names are the same indicator at or above this similarity (difflib ratio of normalised names).
NAME_SIMILARITY = 0.75


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Kind:
    """A problem kind a reviewer raises, and the rules that should report it."""

    name: str
    definition: str
    codes: tuple[str, ...]


@cache
def load_kinds(path: Path = KINDS_FILE) -> dict[str, Kind]:
    """The problem kinds of ``kinds.toml``, in file order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {name: Kind(name, entry["definition"], tuple(entry.get("codes", ()))) for name, entry in data.items()}


def kinds_by_code(kinds: dict[str, Kind]) -> dict[str, set[str]]:
    """Rule code → the kinds it may report."""
    out: dict[str, set[str]] = {}
    for kind in kinds.values():
        for code in kind.codes:
            out.setdefault(code, set()).add(kind.name)
    return out


def kinds_markdown(kinds: dict[str, Kind]) -> str:
    """``KINDS.md``: the kinds as a table (generated; edit ``kinds.toml`` instead)."""
    lines = [
        "# Problem kinds a finance-bureau reviewer raises",
        "",
        "Generated from `kinds.toml` by `python -m benchmarks.review_corpus --write-kinds`; edit that file, not this",
        "one. `rules` are the jixiao rule codes that should report the kind (see `docs/rules/`); a kind with none is",
        "something reviewers raise that no rule covers yet. Kinds prefixed `audit-` are for self-evaluation and",
        "monitoring documents (issue 12).",
        "",
        "| kind | definition | rules |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{k.name}` | {k.definition} | {', '.join(k.codes) or '—'} |" for k in kinds.values()]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Flag:
    """One problem the reviewer flags."""

    indicator: str
    problem: str
    severity: str
    note: str = ""
    sheet: str | None = None


@dataclass(frozen=True)
class Clean:
    """Something a naive checker might flag but that is right for the document's form."""

    indicator: str
    aspect: str
    kind: str | None = None
    sheet: str | None = None


@dataclass
class Judgment:
    """A judged document: where it is, its split, and what the reviewer said."""

    stem: str
    path: Path | None
    split: str
    kind: str
    grade: str | None
    grades: dict[str, str]
    form: str | None
    flags: list[Flag]
    clean: list[Clean]
    scope: str = "all"  # "audit": only the audit flags were judged (the review benchmark leaves the document out)
    # judged before anyone saw jixiao's findings on it: unseen, or moved to dev from an unseen batch
    fresh: bool = False


def load_judgments(folder: Path = JUDGED) -> list[Judgment]:
    """Every judged document, with its file located through the manifest (or ``shared/seed`` for the sample)."""
    manifest = {entry.stem: entry for entry in load_manifest()}
    kinds = load_kinds()
    judgments = []
    for path in sorted(folder.glob("*.toml")):
        if path == KINDS_FILE:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entry = manifest.get(path.stem) or Entry(path.stem, SEED / f"{path.stem}.txt", "goal", "dev", ())
        flags = [Flag(**flag) for flag in data.get("flag", [])]
        clean = [Clean(**item) for item in data.get("clean", [])]
        unknown = {f.problem for f in flags} | {c.kind for c in clean if c.kind}
        if unknown - set(kinds):
            raise ValueError(f"{path.name}: unknown problem kinds {sorted(unknown - set(kinds))}")
        scope = data.get("scope", "all")
        if scope not in SCOPES:
            raise ValueError(f"{path.name}: scope must be one of {sorted(SCOPES)}, not {scope!r}")
        judgments.append(Judgment(
            stem=path.stem, path=entry.path if entry.path.is_file() else None, split=entry.split, kind=entry.kind,
            grade=data.get("grade"), grades=data.get("grades", {}), form=data.get("form"), flags=flags, clean=clean,
            scope=scope, fresh=entry.split == "unseen" or entry.moved is not None,
        ))
    return judgments


def profile_for(judgment: Judgment):
    """The profile the document's form calls for when jixiao ships one, else the default."""
    if judgment.form and judgment.form in available_profiles():
        return load_profile(judgment.form)
    return load_profile()


def scoring_profile(judgment: Judgment) -> ScoringProfile:
    """The scoring profile of the document's province when jixiao ships one (``form = "hubei-…"`` → ``hubei``),
    else the default (central): the profile a bureau of that province audits self-evaluations with."""
    province = (judgment.form or "").split("-", 1)[0]
    return load_scoring_profile(province) if province in builtin_profiles() else load_scoring_profile()


# ---------------------------------------------------------------- matching

_NOISE = re.compile(r"[\-—_.,，。、:：;；()\[\]【】“”\"'《》<>]")


def normalise_name(name: str) -> str:
    """A name as the reading benchmark compares it (width-folded, no prefixes or residue), without punctuation."""
    return _NOISE.sub("", corpus_score.normalise_name(name))


def same_indicator(a: str, b: str) -> bool:
    """Whether two names denote the same indicator: equal, one containing the other, or similar enough."""
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)):
        return True
    return SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY


def _sheet_matches(flag_sheet: str | None, sheet_name: str | None) -> bool:
    return flag_sheet is None or (sheet_name is not None and same_indicator(flag_sheet, sheet_name))


def level_named(name: str) -> str | None:
    """The canonical level a flag's ``indicator`` names (社会效益指标, 环境效益指标 → 生态效益指标), or None for an
    indicator's name: the reviewer flags the rows under a level together where they are one problem (114's 社会效益
    rows, all slogans)."""
    return canonical_level2(name) or canonical_level1(name)


def row_levels(document: Document | None, finding: Finding) -> frozenset[str]:
    """The canonical levels (一级 and 二级) of the rows the finding's indicator names in ``document``."""
    if document is None or not finding.indicator:
        return frozenset()
    return frozenset(level for sheet in document.sheets for i in sheet.indicators if i.name == finding.indicator
                     for level in (i.level1, i.level2) if level)


def finding_matches(flag: Flag, finding: Finding, sheet_name: str | None, kinds: set[str],
                    levels: frozenset[str] = frozenset()) -> bool:
    """Whether ``finding`` reports ``flag``: a kind the finding's rule may report, the flag's sheet, and its indicator
    by name; a flag naming a level takes a finding on a row under that level (``levels``: the row's levels)."""
    if flag.problem not in kinds or not _sheet_matches(flag.sheet, sheet_name):
        return False
    if flag.indicator == "sheet":
        return True
    if level_named(flag.indicator) in levels:
        return True
    if finding.indicator:
        return same_indicator(flag.indicator, finding.indicator)
    return normalise_name(flag.indicator) in normalise_name(finding.message)


# ---------------------------------------------------------------- figures


@dataclass
class DocumentFigures:
    """How the review of one judged document compares with the reviewer."""

    stem: str
    split: str
    read: bool  # the review saw the indicators (coverage ≥ READ_THRESHOLD)
    coverage: float
    findings: int = 0
    correct: int = 0
    errors: int = 0
    errors_deserved: int = 0  # error findings matching a flag the reviewer gave the error level
    flags: int = 0
    flags_found: int = 0
    flags_coverable: int = 0  # flags whose kind some rule should report
    flags_coverable_found: int = 0
    against_clean: int = 0  # findings that contradict a clean entry
    reader_diagnostics: int = 0
    grades: list[tuple[str, str | None]] = field(default_factory=list)  # (reviewer, jixiao) per graded sheet
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    unreadable: str | None = None
    fresh: bool = False  # judged before anyone saw jixiao's findings on it (see Judgment.fresh)
    reviewed: list[Finding] = field(default_factory=list)  # every finding but the reader's, as reviewed
    wrong: list[Finding] = field(default_factory=list)  # the false ones among them


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in %, one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Totals:
    """Figures summed over documents."""

    documents: int = 0
    findings: int = 0
    correct: int = 0
    errors: int = 0
    errors_deserved: int = 0
    flags: int = 0
    flags_found: int = 0
    flags_coverable: int = 0
    flags_coverable_found: int = 0
    against_clean: int = 0
    graded: int = 0
    grades_agreeing: int = 0

    def add(self, doc: DocumentFigures) -> None:
        """Add one document's figures."""
        self.documents += 1
        for name in ("findings", "correct", "errors", "errors_deserved", "flags", "flags_found", "flags_coverable",
                     "flags_coverable_found", "against_clean"):
            setattr(self, name, getattr(self, name) + getattr(doc, name))
        self.graded += len(doc.grades)
        self.grades_agreeing += sum(reviewer == ours for reviewer, ours in doc.grades)

    def rates(self) -> dict[str, float | None]:
        """Precision (all and error findings), recall (all flags, flags some rule covers), grade agreement; in %."""
        return {
            "precision": percent(self.correct, self.findings),
            "error_precision": percent(self.errors_deserved, self.errors),
            "recall": percent(self.flags_found, self.flags),
            "recall_covered_kinds": percent(self.flags_coverable_found, self.flags_coverable),
            "grade_agreement": percent(self.grades_agreeing, self.graded),
        }


def _expected_names(judgment: Judgment) -> list[str]:
    """The indicator names a careful reader gets: the golden's, or the flagged ones where no golden exists."""
    data = load_golden(judgment.stem)
    if data is not None:
        return [i["name"] for s in data.get("sheets", []) for i in s.get("indicators", []) if i.get("name")]
    return sorted({f.indicator for f in judgment.flags if f.indicator != "sheet"})


def _coverage(judgment: Judgment, document: Document | None) -> float:
    expected = _expected_names(judgment)
    if document is None or not document.sheets:
        return 0.0
    read = [i.name for s in document.sheets for i in s.indicators if i.name]
    if not expected:
        return 1.0
    return sum(any(same_indicator(name, r) for r in read) for name in expected) / len(expected)


def _judged_sheets(judgment: Judgment) -> list[str]:
    """The sheet names the reviewer used, in the order they first appear."""
    names = [*judgment.grades, *(f.sheet for f in judgment.flags), *(c.sheet for c in judgment.clean)]
    return list(dict.fromkeys(name for name in names if name))


def judged_sheet_names(judgment: Judgment, names: list[str | None]) -> list[str | None]:
    """The reviewer's name for each of jixiao's sheets, given the names jixiao read for them, in order.

    A sheet is paired with the judged sheet whose name it shares; the sheets left over on both sides are paired in
    order when there are as many of each (one sheet whose project name was not read, say, is still the reviewer's
    one sheet: its findings are judged as findings, and the missing name is the reading benchmark's concern)."""
    judged = _judged_sheets(judgment)
    paired = [next((j for j in judged if name and same_indicator(j, name)), None) for name in names]
    left_judged = [j for j in judged if j not in paired]
    left_ours = [i for i, j in enumerate(paired) if j is None]
    if len(left_judged) == len(left_ours):
        for i, j in zip(left_ours, left_judged):
            paired[i] = j
    return [j or name for j, name in zip(paired, names)]


def sheet_names(judgment: Judgment, review: Review) -> list[str | None]:
    """The reviewer's name for each sheet jixiao reviewed, in order (see :func:`judged_sheet_names`). By position, not
    by the ``sheet`` id: sheets may share it (a Beijing budget lists several sub-items, 843-… and 849-…, under one
    project code, corpus 341 and 344), and each finding belongs to the sheet whose review holds it."""
    return judged_sheet_names(judgment, [sheet.name for sheet in review.sheets])


def located_findings(judgment: Judgment, review: Review) -> list[tuple[Finding, str | None]]:
    """Every finding with the reviewer's name of its sheet: a sheet's own findings by the sheet that holds them, the
    document's by the first sheet with their ``sheet`` id (None where there is none)."""
    names = sheet_names(judgment, review)
    by_id: dict[str, str | None] = {}
    for sheet, name in zip(review.sheets, names):
        by_id.setdefault(sheet.sheet, name)
    return [(finding, by_id.get(finding.sheet or "")) for finding in review.document_findings] + \
        [(finding, name) for sheet, name in zip(review.sheets, names) for finding in sheet.findings]


def _grades(judgment: Judgment, review: Review | None) -> list[tuple[str, str | None]]:
    if judgment.grade is None:
        return []
    sheets = review.sheets if review else []
    names = sheet_names(judgment, review) if review else []
    if judgment.grades:
        out = []
        for name, grade in judgment.grades.items():
            ours = next((s.grade for s, judged in zip(sheets, names) if same_indicator(name, judged or "")), None)
            out.append((grade, ours))
        return out
    # a sheet jixiao could not read (no grade) is no part of the document's grade
    worst = max((s.grade for s in sheets if s.grade), key=GRADES.index, default=None)
    return [(judgment.grade, worst)]


def score_document(judgment: Judgment, golden: bool = False) -> DocumentFigures:
    """Review one judged document with jixiao (or, with ``golden``, its hand reading: :mod:`benchmarks.golden_reading`)
    and compare the findings with the reviewer's flags."""
    kinds = load_kinds()
    by_code = kinds_by_code(kinds)
    document = review = None
    unreadable = None
    if golden:
        document = golden_document(judgment.stem, judgment.kind)
        unreadable = None if document is not None else "no golden"
        if document is not None:
            review = check_document(document, profile_for(judgment), scoring_profile(judgment)).review
    elif judgment.path is None:
        unreadable = "file not found"
    else:
        document, unreadable = read_entry(Entry(judgment.stem, judgment.path, judgment.kind, judgment.split, ()))
        if document is not None:
            review = check_document(document, profile_for(judgment), scoring_profile(judgment)).review
    coverage = _coverage(judgment, document)
    figures = DocumentFigures(judgment.stem, judgment.split, coverage >= READ_THRESHOLD, round(coverage, 2),
                              unreadable=unreadable, grades=_grades(judgment, review), fresh=judgment.fresh)
    figures.flags = len(judgment.flags)
    figures.flags_coverable = sum(bool(kinds[f.problem].codes) for f in judgment.flags)
    found: set[int] = set()
    if review is not None:
        for finding, sheet_name in located_findings(judgment, review):
            if finding.rule == READER_RULE:
                figures.reader_diagnostics += 1
                continue
            finding_kinds = by_code.get(finding.rule, set())
            levels = row_levels(document, finding)
            matched = [i for i, flag in enumerate(judgment.flags)
                       if finding_matches(flag, finding, sheet_name, finding_kinds, levels)]
            figures.findings += 1
            figures.reviewed.append(finding)
            error = finding.severity.value == "error"
            figures.errors += error
            if matched:
                figures.correct += 1
                found.update(matched)
                figures.errors_deserved += error and any(judgment.flags[i].severity == "error" for i in matched)
            else:
                figures.wrong.append(finding)
                figures.false.append(f"{finding.rule} {finding.severity.value} {finding.indicator or '-'}: "
                                     f"{finding.message}")
                figures.against_clean += any(
                    c.kind in finding_kinds and (c.indicator == "sheet" or same_indicator(c.indicator, finding.indicator or ""))
                    for c in judgment.clean)
    figures.flags_found = len(found)
    figures.flags_coverable_found = sum(bool(kinds[judgment.flags[i].problem].codes) for i in found)
    figures.missed = [f"{f.problem} {f.severity} {f.indicator}: {f.note}"
                      for i, f in enumerate(judgment.flags) if i not in found]
    return figures


@dataclass
class CorpusFigures:
    """Per-document figures and totals by split, for all documents and for those whose indicators were read."""

    documents: list[DocumentFigures]

    def totals(self, split: str, read_only: bool = False, fresh_only: bool = False) -> Totals:
        """Totals over one split (``dev``/``unseen``/``all``), optionally only where reading found the indicators,
        or only over the documents judged before anyone saw jixiao's findings on them."""
        totals = Totals()
        for doc in self.documents:
            if (split == "all" or doc.split == split) and (doc.read or not read_only) and (doc.fresh or not fresh_only):
                totals.add(doc)
        return totals


def score_corpus(split: str = "all", golden: bool = False) -> CorpusFigures:
    """Review and score every judged document of ``split`` (``dev``, ``unseen`` or ``all``), on jixiao's reading or,
    with ``golden``, on the hand reading."""
    judgments = [j for j in load_judgments() if (split == "all" or j.split == split) and j.scope != "audit"]
    return CorpusFigures([score_document(j, golden) for j in judgments])

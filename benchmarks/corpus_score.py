"""Scoring jixiao's reading of the real-document corpus against the hand-read goldens.

The corpus lives in ``tests/corpus`` (see its README): ``manifest.toml`` lists every document with its kind,
layout family and split, ``golden/<stem>.json`` holds what a careful reader gets from it. This module reads a
document with jixiao and compares the result with its golden; ``benchmarks/corpus.py`` prints the figures and
``tests/corpus/test_corpus_figures.py`` pins them.

How a document is scored:

* *yielded*: jixiao returned at least one sheet with at least one indicator (or, where the golden has a table
  that holds no indicator, a form whose rows name none, at least one sheet). It is right when it agrees with the golden's
  ``has_table``.
* *matching*: golden and read indicators are paired by the similarity of their normalised names (width-folded,
  Traditional as Simplified, as the goldens write it: a reader keeps a Traditional cell as written; greedy, best
  pairs first, ratio >= ``MATCH_RATIO``; a name contained in the other counts as 0.9), across all sheets.
* *fields*: for every golden indicator, ``level2``, ``name``, ``operator``, ``value`` and ``unit`` are each right
  or wrong (units compare as written or in their canonical spelling, ``km`` = ``公里``, ``M`` = ``米``) (an unmatched golden indicator has every field wrong); an indicator is *right* when all five are.
* *self-evaluation fields* (extra figures, outside the five): for every golden indicator that gives one, its
  ``weight`` (分值/权重), ``actual`` (实际完成值 as written) and ``score`` (得分), right when the paired read
  indicator's printed record (or, for a weight, the indicator) holds the same; for every golden sheet that gives
  one, ``budget_initial`` (年初预算数), ``executed`` (全年执行数, or 1–N月执行数 of a monitoring table),
  ``execution_rate`` and ``claimed_total``, right when the read sheet holding most of its indicators says the same.
  An unread indicator or sheet has them wrong.
* *sheet fields* (extra figures): ``sheets``, once per document whose golden holds a sheet, right when jixiao read
  as many sheets (a document holding two projects' tables is two sheets); then, for every golden sheet that gives
  it, the project ``name`` (width-folded, without spaces), ``budget_total``, ``fiscal`` and ``other`` (as Decimals,
  the read figure converted to the golden's money unit where both are stated) and the annual ``goals`` (right when
  the read sheet has goal text sharing at least ``GOALS_RATIO`` of the golden's characters, so a goal cut short or
  numbered differently still counts and a goal cell read empty, or holding other text, does not), each against the
  read sheet chosen as for the self-evaluation fields.
* *year*: for every golden sheet that states its ``year`` (``null`` where the document names none), right when the
  read sheet chosen as for the self-evaluation fields holds the same year, or none where the golden has none (a year
  guessed for a document that names none is wrong, as is an unread sheet).
* *tokens unaccounted*: the read document's ``Document.unaccounted`` (tokens inside table regions neither placed,
  diagnosed nor marked as chrome); ``None`` for a refused document.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.model import Document
from jixiao.model.lexicon import simplified
from jixiao.model.units import canonical_unit

__all__ = ["CORPUS", "FIELDS", "YEAR", "REPORTED", "SHEET_FIELDS", "MATCH_RATIO", "DocScore", "Entry", "Totals", "differences", "document_bytes",
           "is_binary", "load_golden",
           "skipped_binary_note",
           "load_manifest", "read_entry", "score_document", "totals"]

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
FIELDS = ("level2", "name", "operator", "value", "unit")
ITEM_REPORTED = ("weight", "actual", "score")
SHEET_REPORTED = ("budget_initial", "executed", "execution_rate", "claimed_total")
REPORTED = ITEM_REPORTED + SHEET_REPORTED
SHEET_FIELDS = ("sheets", "name", "budget_total", "fiscal", "other", "goals")
YEAR = ("year_right", "year_expected")
MATCH_RATIO = 0.6
GOALS_RATIO = 0.5


@dataclass(frozen=True)
class Entry:
    """One manifest document."""

    stem: str
    path: Path
    kind: str
    split: str
    family: tuple[int, ...]
    moved: str | None = None  # the day an unseen document was moved to dev (its judged file predates its findings)
    source: str | None = None  # where a binary document came from (a text document says so in its header line)
    twin_of: str | None = None  # the stem of the text document holding this binary file's text layer

    @property
    def binary(self) -> bool:
        """Whether the document is a published binary file (PDF, Word, Excel) rather than collected text."""
        return is_binary(self.path)


def load_manifest(corpus: Path = CORPUS) -> list[Entry]:
    """Every document of ``manifest.toml``; shared files resolve against the repository root's parent."""
    data = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    entries = []
    for item in data["document"]:
        file = item["file"]
        path = corpus.parent.parent.parent / file if file.startswith("shared/") else corpus / file
        entries.append(Entry(Path(file).stem, path, item["kind"], item["split"], tuple(item.get("family", ())),
                             item.get("moved"), item.get("source"), item.get("twin_of")))
    return entries


def skipped_binary_note(split: str = "dev") -> str:
    """The line a text-variant benchmark prints: how many binary documents of ``split`` it left out (the text
    transformations of ``benchmarks/variants.py`` apply to text documents only)."""
    count = sum(entry.binary for entry in load_manifest() if entry.split == split)
    return f"({count} binary {split} documents skipped: text variants apply to text documents only)"


def load_golden(stem: str, corpus: Path = CORPUS) -> dict | None:
    """The golden of ``stem``, or None when nobody has written it yet."""
    path = corpus / "golden" / f"{stem}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def is_binary(path: Path) -> bool:
    """Whether ``path`` is a binary document: anything but collected text (.txt), kept as published."""
    return path.suffix.lower() != ".txt"


def document_bytes(path: Path) -> bytes:
    """The document itself: a binary file as published, a text file without its two header lines (``# source:``,
    ``# kind:``)."""
    data = path.read_bytes()
    if is_binary(path):
        return data
    for _ in range(2):
        if data.startswith(b"#"):
            data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    return data


def read_entry(entry: Entry) -> tuple[Document | None, str | None]:
    """Read one corpus document with jixiao: the document, or None and jixiao's message."""
    try:
        return read_bytes(document_bytes(entry.path), entry.path.name), None
    except NotAGoalDocument as error:
        return None, error.message


@dataclass
class DocScore:
    """The figures of one document."""

    stem: str
    split: str = "dev"
    has_table: bool = False
    yielded: bool = False
    expected: int = 0
    found: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    fully_right: int = 0
    unaccounted: int | None = None
    error: str | None = None
    reported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORTED, 0))
    reported_expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORTED, 0))
    header: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHEET_FIELDS, 0))
    header_expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHEET_FIELDS, 0))
    year_right: int = 0
    year_expected: int = 0

    @property
    def sheet_right(self) -> bool:
        """Whether yielding a sheet agrees with the golden's has_table."""
        return self.yielded == self.has_table

    def figures(self) -> dict:
        """The pinned figures of this document."""
        return {"yielded": self.yielded, "expected": self.expected, "found": self.found, "matched": self.matched,
                "fully_right": self.fully_right, **{f"{name}_right": n for name, n in self.right.items()},
                **_reported_figures(self.reported, self.reported_expected),
                **_header_figures(self.header, self.header_expected), **_year_figures(self)}


def _year_figures(score: DocScore | Totals) -> dict[str, int]:
    """The year figures worth pinning: where the golden states a sheet's year (or that it names none)."""
    return {name: getattr(score, name) for name in YEAR} if score.year_expected else {}


def _header_figures(right: dict[str, int], expected: dict[str, int]) -> dict[str, int]:
    """The sheet-field figures worth pinning: fields the golden gives at least once."""
    return {f"{kind}_{name}": counts[name] for name in SHEET_FIELDS if expected[name]
            for kind, counts in (("sheet_right", right), ("sheet_expected", expected))}


def _reported_figures(right: dict[str, int], expected: dict[str, int]) -> dict[str, int]:
    """The self-evaluation figures worth pinning: fields the golden gives at least once."""
    return {f"{kind}_{name}": counts[name] for name in REPORTED if expected[name]
            for kind, counts in (("reported_right", right), ("reported_expected", expected))}


_PREFIX = re.compile(r"^(指标\s*\d+\s*[:：.、]?|\d+[.、]|[★☆*]+)+")
_RESIDUE = re.compile(r"[(（][^()（）]*\*\*[^()（）]*[)）]|[(（]必填[^()（）]*[)）]")


def _fold(text: str) -> str:
    # a Traditional document's cells are read as written; the golden writes them in Simplified
    return "".join(unicodedata.normalize("NFKC", simplified(text)).split())


def normalise_name(text: str | None) -> str:
    """A name as compared: width-folded, without spaces, 指标N: prefixes, ★ marks or ``(≥**个)`` residue."""
    return _PREFIX.sub("", _RESIDUE.sub("", _fold(text or "")))


def _level(text: str | None) -> str:
    return _fold(text or "").removesuffix("指标")


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if text is not None else None
    except InvalidOperation:
        return None


def _value_right(golden: dict, read) -> bool:
    target = read.target
    value = golden.get("value")
    if value is None:
        return target.value is None and not target.qualitative
    number = _decimal(value)
    if number is not None and not golden.get("qualitative"):
        return target.value is not None and target.value == number
    return _fold(target.qualitative or "") == _fold(value) or _fold(target.raw or "") == _fold(value)


def _unit_right(golden: dict, read) -> bool:
    """The units agree as written or in their canonical spelling (``km`` and ``公里`` are one unit)."""
    want, got = golden.get("unit") or "", read.target.unit or ""
    return _fold(want) == _fold(got) or (canonical_unit(want) or want) == (canonical_unit(got) or got)


def _operator_right(golden: dict, read) -> bool:
    operator = read.target.operator
    return (golden.get("operator") or None) == (operator.value if operator is not None else None)


def _similarity(golden_name: str, read_name: str) -> float:
    """How alike two normalised names are; a name glued to its neighbour cell still pairs with it."""
    shorter, longer = sorted((golden_name, read_name), key=len)
    if len(shorter) >= 4 and shorter in longer:
        return max(0.9, SequenceMatcher(None, golden_name, read_name).ratio())
    return SequenceMatcher(None, golden_name, read_name).ratio()


def _pairs(golden: list[dict], read: list) -> list[tuple[int, int]]:
    names = [normalise_name(item.get("name")) for item in golden]
    read_names = [normalise_name(item.name) for item in read]
    candidates = sorted(((_similarity(g, r), i, j)
                         for i, g in enumerate(names) for j, r in enumerate(read_names) if g and r),
                        reverse=True)
    used_golden: set[int] = set()
    used_read: set[int] = set()
    pairs = []
    for ratio, i, j in candidates:
        if ratio < MATCH_RATIO:
            break
        if i not in used_golden and j not in used_read:
            used_golden.add(i)
            used_read.add(j)
            pairs.append((i, j))
    return pairs


def _unaccounted(document: Document | None) -> int | None:
    return document.unaccounted if document is not None else None


def _checks(want: dict, got) -> dict[str, bool]:
    return {
        "level2": _level(want.get("level2")) == _level(got.level2),
        "name": normalise_name(want.get("name")) == normalise_name(got.name),
        "operator": _operator_right(want, got),
        "value": _value_right(want, got),
        "unit": _unit_right(want, got),
    }


_GROUPING = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # a thousands separator inside a figure


def _fold_figures(text: str) -> str:
    # an actual value as written, its figures' thousands separators aside (21,980人 is 21980人 written by Excel)
    return _GROUPING.sub("", _fold(text))


def _same_number(golden: str | None, read) -> bool:
    return read is not None and _decimal(golden.rstrip("%")) == read  # type: ignore[union-attr]


def _item_checks(want: dict, sheet, position: int, got) -> dict[str, bool]:
    """The golden indicator's self-evaluation fields against the read one (``position`` in ``sheet``, 1-based)."""
    item = sheet.evaluation.item_for(position) if sheet.evaluation is not None else None
    progress = next((p for p in sheet.monitoring.items if p.indicator == position), None) \
        if sheet.monitoring is not None else None
    actual = item.actual_raw if item is not None else progress.actual_raw if progress is not None else None
    weight = item.weight if item is not None and item.weight is not None else got.weight
    read = {"weight": weight, "actual": actual, "score": item.score if item is not None else None}
    return {name: (_fold_figures(want[name]) == _fold_figures(read[name] or "") if name == "actual"
                   else _same_number(want[name], read[name]))
            for name in ITEM_REPORTED if want.get(name) is not None}


def _sheet_checks(want: dict, sheet) -> dict[str, bool]:
    """The golden sheet's printed money and claimed total against the read sheet (None: not read)."""
    evaluation = sheet.evaluation if sheet is not None else None
    monitoring = sheet.monitoring if sheet is not None else None
    read = {
        "budget_initial": evaluation.budget_initial if evaluation else None,
        "executed": evaluation.spent if evaluation else monitoring.spent if monitoring else None,
        "execution_rate": evaluation.execution_rate if evaluation else monitoring.execution_rate if monitoring
        else None,
        "claimed_total": evaluation.total if evaluation else None,
    }
    golden = dict(want, executed=want.get("executed") or want.get("executed_to_date"))
    return {name: _same_number(golden[name], read[name]) for name in SHEET_REPORTED if golden.get(name) is not None}


def _reported_differences(golden: dict, document: Document | None, pairs: list[tuple[int, int]]) -> list[str]:
    """The self-evaluation fields read wrong: of paired indicators, then of sheets."""
    expected, read = _indicators(golden, document)
    places = _places(document)
    lines = []
    for i, j in pairs:
        sheet, position = places[j]
        wrong = [name for name, ok in _item_checks(expected[i], sheet, position, read[j]).items() if not ok]
        if wrong:
            lines.append(f"printed {expected[i].get('name')!r}: " + ", ".join(f"{name} {expected[i][name]!r}" for name in wrong)
                         + " not read so")
    for index, (want, sheet) in enumerate(_golden_sheets(golden, document, pairs)):
        wrong = [name for name, ok in _sheet_checks(want, sheet).items() if not ok]
        if wrong:
            lines.append(f"printed sheet {index + 1}: " + ", ".join(
                f"{name} {want.get(name) or want.get('executed_to_date')!r}" for name in wrong) + " not read so")
    return lines


def _places(document: Document | None) -> list[tuple]:
    """(sheet, 1-based position) of every read indicator, in the order ``_indicators`` lists them."""
    return [(sheet, position) for sheet in (document.sheets if document else [])
            for position in range(1, len(sheet.indicators) + 1)]


def _golden_sheets(golden: dict, document: Document | None, pairs: list[tuple[int, int]]) -> list[tuple[dict, object]]:
    """Each golden sheet with the read sheet that holds most of its paired indicators; a golden sheet without
    indicators goes with the read sheet in its place (None when there is none)."""
    places = _places(document)
    owner = [index for index, sheet in enumerate(golden.get("sheets", [])) for _ in sheet.get("indicators", [])]
    votes: dict[int, list] = {}
    for i, j in pairs:
        votes.setdefault(owner[i], []).append(places[j][0])
    read = document.sheets if document else []
    result = []
    for index, want in enumerate(golden.get("sheets", [])):
        chosen = votes.get(index, [])
        if chosen:
            result.append((want, max(chosen, key=lambda sheet: sum(s is sheet for s in chosen))))
        else:  # a sheet cut before its indicators: the read sheet in its place
            result.append((want, read[index] if index < len(read) and not want.get("indicators") else None))
    return result


def _score_reported(result: DocScore, golden: dict, document: Document | None,
                    pairs: list[tuple[int, int]]) -> None:
    expected, read = _indicators(golden, document)
    places = _places(document)
    paired = dict(pairs)
    for i, want in enumerate(expected):
        for name in ITEM_REPORTED:
            result.reported_expected[name] += want.get(name) is not None
        if i in paired:
            sheet, position = places[paired[i]]
            for name, ok in _item_checks(want, sheet, position, read[paired[i]]).items():
                result.reported[name] += ok
    for want, sheet in _golden_sheets(golden, document, pairs):
        for name, ok in _sheet_checks(want, sheet).items():
            result.reported_expected[name] += 1
            result.reported[name] += ok


_TO_YUAN = {"元": Decimal(1), "万元": Decimal(10000)}


def _money(text: str | None) -> Decimal | None:
    """A golden amount as a Decimal; None where the golden gives none or describes the sources in words."""
    return _decimal(text.strip()) if isinstance(text, str) else None


def _same_money(want: Decimal, got: Decimal | None, golden_unit: str | None, read_unit) -> bool:
    """The amounts agree, the read one converted to the golden's money unit where both units are stated."""
    if got is None:
        return False
    if golden_unit in _TO_YUAN and read_unit is not None and str(read_unit) in _TO_YUAN:
        got = got * _TO_YUAN[str(read_unit)] / _TO_YUAN[golden_unit]
    return got == want


def _goals_right(want: list[str], got: list[str]) -> bool:
    """The read goals share at least ``GOALS_RATIO`` of the golden goals' characters (order kept)."""
    golden, read = _fold("".join(want)), _fold("".join(got))
    if not golden or not read:
        return False
    matched = sum(block.size for block in SequenceMatcher(None, golden, read, autojunk=False).get_matching_blocks())
    return matched >= GOALS_RATIO * len(golden)


def _header_checks(want: dict, sheet) -> dict[str, bool]:
    """The golden sheet's header fields (those it gives) against the read sheet (None: not read)."""
    checks = {}
    if want.get("name"):
        checks["name"] = sheet is not None and _fold(want["name"]) == _fold(sheet.name or "")
    for name in ("budget_total", "fiscal", "other"):
        amount = _money(want.get(name))
        if amount is not None:
            got = getattr(sheet.budget, name.removeprefix("budget_")) if sheet is not None else None
            checks[name] = _same_money(amount, got, want.get("money_unit"), sheet.money_unit if sheet else None)
    if want.get("goals"):
        checks["goals"] = sheet is not None and _goals_right(want["goals"], sheet.goals)
    return checks


def _year_checks(golden: dict, document: Document | None,
                 pairs: list[tuple[int, int]]) -> list[tuple[int, object, object]]:
    """(0-based sheet, golden year, read year) of every golden sheet that states its year or that it names none; the
    read year of an unread sheet is ``_UNREAD``, which equals neither."""
    return [(index, want["year"], sheet.year if sheet is not None else _UNREAD)
            for index, (want, sheet) in enumerate(_golden_sheets(golden, document, pairs)) if "year" in want]


_UNREAD = object()


def _score_year(result: DocScore, golden: dict, document: Document | None, pairs: list[tuple[int, int]]) -> None:
    for _, want, got in _year_checks(golden, document, pairs):
        result.year_expected += 1
        result.year_right += want == got


def _score_header(result: DocScore, golden: dict, document: Document | None, pairs: list[tuple[int, int]]) -> None:
    if golden.get("sheets"):
        result.header_expected["sheets"] += 1
        result.header["sheets"] += len(golden["sheets"]) == len(document.sheets if document else [])
    for want, sheet in _golden_sheets(golden, document, pairs):
        for name, ok in _header_checks(want, sheet).items():
            result.header_expected[name] += 1
            result.header[name] += ok


def _header_differences(golden: dict, document: Document | None, pairs: list[tuple[int, int]]) -> list[str]:
    """The sheet fields read wrong: the number of sheets, then each golden sheet's header fields."""
    read = document.sheets if document else []
    lines = []
    if golden.get("sheets") and len(golden["sheets"]) != len(read):
        lines.append(f"sheets  {len(golden['sheets'])} -> {len(read)}")
    for index, (want, sheet) in enumerate(_golden_sheets(golden, document, pairs)):
        shown = {"name": sheet.name if sheet else None, "goals": sheet.goals if sheet else None}
        shown |= {name: getattr(sheet.budget, name.removeprefix("budget_")) if sheet else None
                  for name in ("budget_total", "fiscal", "other")}
        wrong = [name for name, ok in _header_checks(want, sheet).items() if not ok]
        if wrong:
            lines.append(f"header sheet {index + 1}: " + "; ".join(
                f"{name} {want.get(name)!r} -> {shown[name]!r}" for name in wrong))
    return lines


def _indicators(golden: dict, document: Document | None) -> tuple[list[dict], list]:
    expected = [item for sheet in golden.get("sheets", []) for item in sheet.get("indicators", [])]
    read = [item for sheet in (document.sheets if document else []) for item in sheet.indicators]
    return expected, read


def differences(golden: dict, document: Document | None) -> list[str]:
    """Where a reading departs from its golden, one line each: wrong fields of paired indicators (golden → read),
    golden indicators nobody read, and read indicators the golden does not hold."""
    expected, read = _indicators(golden, document)
    pairs = _pairs(expected, read)
    lines = []
    for i, j in pairs:
        want, got = expected[i], read[j]
        wrong = [name for name, ok in _checks(want, got).items() if not ok]
        if wrong:
            shown = {"level2": (want.get("level2"), got.level2), "name": (want.get("name"), got.name),
                     "operator": (want.get("operator"), got.target.operator.value if got.target.operator else None),
                     "value": (want.get("value"), got.target.value if got.target.value is not None
                               else got.target.qualitative),
                     "unit": (want.get("unit"), got.target.unit)}
            lines.append(f"wrong   {want.get('name')!r}: "
                         + "; ".join(f"{name} {shown[name][0]!r} -> {shown[name][1]!r}" for name in wrong)
                         + f"  [raw {got.target.raw!r}]")
    lines += _reported_differences(golden, document, pairs)
    lines += _header_differences(golden, document, pairs)
    lines += [f"year    sheet {index + 1}: {want!r} -> {'not read' if got is _UNREAD else repr(got)}"
              for index, want, got in _year_checks(golden, document, pairs) if want != got]
    paired_golden = {i for i, _ in pairs}
    paired_read = {j for _, j in pairs}
    lines += [f"missing {item.get('level2')!r} {item.get('name')!r} {item.get('operator') or ''}{item.get('value')}"
              f"{item.get('unit') or ''}" for i, item in enumerate(expected) if i not in paired_golden]
    lines += [f"extra   {item.level2!r} {item.name!r} [raw {item.target.raw!r}]"
              for j, item in enumerate(read) if j not in paired_read]
    return lines


def score_document(golden: dict, document: Document | None, *, stem: str = "", split: str = "dev",
                   error: str | None = None) -> DocScore:
    """Compare one read document (None when jixiao refused it) with its golden."""
    expected, read = _indicators(golden, document)
    # a table whose rows name no indicator is yielded as its sheet; where the golden holds no table, a sheet with
    # no indicator is the header block of a document that is no goal table
    yielded = bool(read) or bool(golden.get("has_table")) and not expected and bool(document and document.sheets)
    result = DocScore(stem=stem, split=split, has_table=bool(golden.get("has_table")), yielded=yielded,
                      expected=len(expected), found=len(read), unaccounted=_unaccounted(document), error=error)
    pairs = _pairs(expected, read)
    for i, j in pairs:
        checks = _checks(expected[i], read[j])
        result.matched += 1
        for name, ok in checks.items():
            result.right[name] += ok
        result.fully_right += all(checks.values())
    _score_reported(result, golden, document, pairs)
    _score_header(result, golden, document, pairs)
    _score_year(result, golden, document, pairs)
    return result


@dataclass
class Totals:
    """The figures of a set of documents."""

    documents: int = 0
    with_table: int = 0
    sheet_right: int = 0
    tables_yielded: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    fully_right: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    unaccounted: int | None = None
    reported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORTED, 0))
    reported_expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORTED, 0))
    header: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHEET_FIELDS, 0))
    header_expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SHEET_FIELDS, 0))
    year_right: int = 0
    year_expected: int = 0

    def figures(self) -> dict:
        """The pinned totals."""
        return {"documents": self.documents, "with_table": self.with_table, "sheet_right": self.sheet_right,
                "tables_yielded": self.tables_yielded, "expected": self.expected, "found": self.found,
                "matched": self.matched, "fully_right": self.fully_right,
                **{f"{name}_right": n for name, n in self.right.items()},
                **_reported_figures(self.reported, self.reported_expected),
                **_header_figures(self.header, self.header_expected), **_year_figures(self)}


def totals(scores: list[DocScore]) -> Totals:
    """Sum the figures of ``scores``; tokens unaccounted are summed over the documents read (a refused document
    has no table whose tokens could be placed), None when none was read."""
    result = Totals()
    counts = [score.unaccounted for score in scores if score.unaccounted is not None]
    result.unaccounted = sum(counts) if counts else None
    for score in scores:
        result.documents += 1
        result.with_table += score.has_table
        result.sheet_right += score.sheet_right
        result.tables_yielded += score.has_table and score.yielded
        result.expected += score.expected
        result.found += score.found
        result.matched += score.matched
        result.fully_right += score.fully_right
        for name in FIELDS:
            result.right[name] += score.right[name]
        for name in REPORTED:
            result.reported[name] += score.reported[name]
            result.reported_expected[name] += score.reported_expected[name]
        for name in SHEET_FIELDS:
            result.header[name] += score.header[name]
            result.header_expected[name] += score.header_expected[name]
        result.year_right += score.year_right
        result.year_expected += score.year_expected
    return result

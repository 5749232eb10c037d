"""Scoring jixiao's reading of the real-document corpus against the hand-read goldens.

The corpus lives in ``tests/corpus`` (see its README): ``manifest.toml`` lists every document with its kind,
layout family and split, ``golden/<stem>.json`` holds what a careful reader gets from it. This module reads a
document with jixiao and compares the result with its golden; ``benchmarks/corpus.py`` prints the figures and
``tests/corpus/test_corpus_figures.py`` pins them.

How a document is scored:

* *yielded*: jixiao returned at least one sheet with at least one indicator. It is right when it agrees with
  the golden's ``has_table``.
* *matching*: golden and read indicators are paired by the similarity of their normalised names (greedy, best
  pairs first, ratio >= ``MATCH_RATIO``; a name contained in the other counts as 0.9), across all sheets.
* *fields*: for every golden indicator, ``level2``, ``name``, ``operator``, ``value`` and ``unit`` are each right
  or wrong (an unmatched golden indicator has every field wrong); an indicator is *right* when all five are.
* *tokens unaccounted*: taken from the read document when the reader exposes it (``Document.unaccounted``,
  a count or a list of tokens); ``None`` until it does.
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

__all__ = ["CORPUS", "FIELDS", "MATCH_RATIO", "DocScore", "Entry", "Totals", "differences", "document_bytes",
           "load_golden",
           "load_manifest", "read_entry", "score_document", "totals"]

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
FIELDS = ("level2", "name", "operator", "value", "unit")
MATCH_RATIO = 0.6


@dataclass(frozen=True)
class Entry:
    """One manifest document."""

    stem: str
    path: Path
    kind: str
    split: str
    family: tuple[int, ...]


def load_manifest(corpus: Path = CORPUS) -> list[Entry]:
    """Every document of ``manifest.toml``; shared files resolve against the repository root's parent."""
    data = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    entries = []
    for item in data["document"]:
        file = item["file"]
        path = corpus.parent.parent.parent / file if file.startswith("shared/") else corpus / file
        entries.append(Entry(Path(file).stem, path, item["kind"], item["split"], tuple(item.get("family", ()))))
    return entries


def load_golden(stem: str, corpus: Path = CORPUS) -> dict | None:
    """The golden of ``stem``, or None when nobody has written it yet."""
    path = corpus / "golden" / f"{stem}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def document_bytes(path: Path) -> bytes:
    """The document itself: the file without its two header lines (``# source:``, ``# kind:``)."""
    data = path.read_bytes()
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

    @property
    def sheet_right(self) -> bool:
        """Whether yielding a sheet agrees with the golden's has_table."""
        return self.yielded == self.has_table

    def figures(self) -> dict:
        """The pinned figures of this document."""
        return {"yielded": self.yielded, "expected": self.expected, "found": self.found, "matched": self.matched,
                "fully_right": self.fully_right, **{f"{name}_right": n for name, n in self.right.items()}}


_PREFIX = re.compile(r"^(指标\s*\d+\s*[:：.、]?|\d+[.、]|[★☆*]+)+")
_RESIDUE = re.compile(r"[(（][^()（）]*\*\*[^()（）]*[)）]|[(（]必填[^()（）]*[)）]")


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


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
    return _fold(golden.get("unit") or "") == _fold(read.target.unit or "")


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
    value = getattr(document, "unaccounted", None) if document is not None else None
    if value is None:
        return None
    return value if isinstance(value, int) else len(value)


def _checks(want: dict, got) -> dict[str, bool]:
    return {
        "level2": _level(want.get("level2")) == _level(got.level2),
        "name": normalise_name(want.get("name")) == normalise_name(got.name),
        "operator": _operator_right(want, got),
        "value": _value_right(want, got),
        "unit": _unit_right(want, got),
    }


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
    result = DocScore(stem=stem, split=split, has_table=bool(golden.get("has_table")), yielded=bool(read),
                      expected=len(expected), found=len(read), unaccounted=_unaccounted(document), error=error)
    for i, j in _pairs(expected, read):
        checks = _checks(expected[i], read[j])
        result.matched += 1
        for name, ok in checks.items():
            result.right[name] += ok
        result.fully_right += all(checks.values())
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

    def figures(self) -> dict:
        """The pinned totals."""
        return {"documents": self.documents, "with_table": self.with_table, "sheet_right": self.sheet_right,
                "tables_yielded": self.tables_yielded, "expected": self.expected, "found": self.found,
                "matched": self.matched, "fully_right": self.fully_right,
                **{f"{name}_right": n for name, n in self.right.items()}}


def totals(scores: list[DocScore]) -> Totals:
    """Sum the figures of ``scores``; tokens unaccounted stay None unless every document reports them."""
    result = Totals()
    counts = [score.unaccounted for score in scores]
    result.unaccounted = sum(counts) if counts and None not in counts else None
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
    return result

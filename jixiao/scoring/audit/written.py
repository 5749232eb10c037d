"""A sheet or report written in Traditional characters (a converter site's copy, pinyin glosses and all: 達成預期指標,
項(xiàng)目) audited as its Simplified reading, its findings quoting the cells as written.

The audit's rules read the words of the cells (达成预期指标, 建设中, 余, 调整理由, the template's instructions) in the
Simplified characters every vocabulary is written in; the reader keeps a cell as written and folds it only to match a
label. Rather than each rule folding what it reads, :func:`in_simplified` gives the rules a copy of the record whose
texts are Simplified, and :func:`quoted_as_written` puts the written cells back into what they found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from pydantic import BaseModel

from jixiao.model.diagnostic import Diagnostic
from jixiao.model.finding import Finding
from jixiao.model.lexicon import simplified_in_place, unglossed

__all__ = ["in_simplified", "quoted_as_written", "sheets_in_simplified"]

Record = TypeVar("Record", bound=BaseModel)


def in_simplified(record: Record) -> tuple[Record, dict[str, str]]:
    """``record`` with every text in Simplified characters, each in its place (a converter site's toned pinyin glosses
    removed), and each such text mapped to the text as written; ``record`` itself and no map where no text changes
    (the usual Simplified document)."""
    written: dict[str, str] = {}

    def converted(value: object) -> object:
        if isinstance(value, str):
            # (a converter site's toned glosses only: a Latin word in brackets, 全年执行数(B), 长度(km), is the cell's)
            simple = simplified_in_place(unglossed(value))
            if simple != value:
                written.setdefault(simple, value)
            return simple
        if isinstance(value, dict):
            return {key: converted(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(converted(item) for item in value)
        return value

    data = converted(record.model_dump())
    return (record, {}) if not written else (type(record).model_validate(data), written)


def sheets_in_simplified(diagnostics: Sequence[Diagnostic], written: Mapping[str, str]) -> Sequence[Diagnostic]:
    """The reader's ``diagnostics`` naming the sheet as its Simplified reading (:func:`in_simplified`'s ``written``)
    names it: a rule finds a diagnostic of its sheet by the sheet's key (a row set aside, a row read in doubt), and
    the reader named the sheet as written."""
    if not written:
        return diagnostics
    simple = {text: key for key, text in written.items()}
    return [item.model_copy(update={"location": item.location.model_copy(
        update={"sheet": simple[item.location.sheet]})}) if item.location.sheet in simple else item
        for item in diagnostics]


def quoted_as_written(finding: Finding, written: Mapping[str, str]) -> Finding:
    """``finding`` with each of its texts that is a whole cell of the Simplified copy (a quoted actual, a name, the
    sheet's key) given back as written; a text the rule cut from a cell stays as the rule quoted it."""
    if not written:
        return finding

    def back(text: str | None) -> str | None:
        return written.get(text, text) if text is not None else None

    update: dict[str, object] = {
        "params": {key: back(value) if isinstance(value, str) else value for key, value in finding.params.items()},
        "sheet": back(finding.sheet),
        "indicator": back(finding.indicator),
        "location": finding.location.model_copy(
            update={"sheet": back(finding.location.sheet), "column": back(finding.location.column)}
        ),
    }
    if finding.fix is not None:
        update["fix"] = finding.fix.model_copy(
            update={
                "params": {
                    key: back(value) if isinstance(value, str) else value for key, value in finding.fix.params.items()
                }
            }
        )
    return finding.model_copy(update=update)

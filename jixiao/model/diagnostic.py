"""Diagnostics: what a reader could not resolve, with where it happened."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.wording import Worded

__all__ = ["Severity", "Location", "Diagnostic"]


class Severity(StrEnum):
    """How serious a diagnostic or finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word shown to users."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        """Higher is more serious; used for --fail-on thresholds."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def unless_uncertain(self, uncertain: bool) -> Severity:
        """This level, or a warning in place of an error when the finding rests on a guessed reading or an assumed
        figure: a reviewer does not return a table on a guess, only asks for the original to be checked (the review's
        and the audit's common rule)."""
        return Severity.WARNING if uncertain and self is Severity.ERROR else self


class Location(BaseModel):
    """Where in a source document something was found. Every part is optional; give what is known."""

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    table: int | None = None  # 1-based table (or worksheet / page table) number in the file
    sheet: str | None = None  # the goal sheet: project code or, if none, its name
    row: int | None = None  # 1-based row within the table
    column: str | None = None  # the column's heading as the document names it
    line: int | None = None  # 1-based line in a text file

    def names_row(self, table: int | None, row: int | None) -> bool:
        """Whether this location is the row ``row`` of the table ``table``. A split grid numbers each part's rows from
        1, so a location naming a table names a row of that table alone, never one whose table is unknown (a row of
        an unnumbered sheet); one naming no table is from a reading of a single table, and names the row in any."""
        return row is not None and self.row == row and self.table in (None, table)

    def row_words(self, table: int | None = None) -> str:
        """The row in words (``第5行``), naming its table where it is not ``table``, the sheet's own (``第2个表格第5行``:
        the second part of a split grid numbers its rows from 1 again); empty when no row is known."""
        if self.row is None:
            return ""
        return f"第{self.table}个表格第{self.row}行" if self.table is not None and self.table != table else f"第{self.row}行"

    def describe(self) -> str:
        """The location in words, e.g. ``sample.txt 第2个表格 第5行 “指标值”列``."""
        parts = [self.file or ""]
        if self.table is not None:
            parts.append(f"第{self.table}个表格")
        if self.sheet:
            parts.append(f"项目“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"“{self.column}”列")
        if self.line is not None:
            parts.append(f"(文件第{self.line}行)")
        return " ".join(p for p in parts if p)


class Diagnostic(Worded):
    """One thing a reader could not resolve or had to infer. ``code`` is stable (see docs/diagnostics.md).

    It is a message as data, as a finding is: ``params`` (each one cell text, name or figure) fill the slots of
    ``template``, and :attr:`message` renders them (:class:`~jixiao.model.wording.Worded`); one written before
    diagnostics kept their template (a stored reading, a JSON document of the interchange format) holds its message
    alone, read as a template of no slots."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    location: Location = Location()
    set_aside: tuple[str, ...] = Field(
        default=(),
        description="The cells of the rows the reader set aside, not read as indicators, in full and in order: a row "
                    "without a name and a value (P108), the row the text was cut in (P120), the names of rows too "
                    "scrambled to place (P121) or of an evaluation framework's score sheet (P122), a row deleted with changes "
                    "tracked (P171). The message quotes "
                    "them shortened; code reads them here. Empty for other diagnostics, and in documents read before "
                    "the field was recorded")

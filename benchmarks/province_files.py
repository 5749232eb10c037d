"""The province-year benchmark's files: many distinct one-sheet goal documents, written fast (issue 13).

Rendering one sheet through python-docx takes about a quarter of a second (openpyxl a fortieth), so rendering
100,000 files one by one would take over an hour. Instead each office format is rendered once per template (a few
dozen sheets from benchmarks.synth, whose unit code and budget are sentinel values), and each file is a template
whose sentinels are replaced by the file's own unit and project code and budget. Only the package members that
hold a sentinel are compressed again; the others keep the template's compressed bytes (a zip opened for
appending copies nothing). Text files are rendered whole: that costs no more than substituting.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from decimal import Decimal
from functools import cache

from benchmarks.synth import generate_document
from jixiao.documents import render_document
from jixiao.model import Budget, Document

__all__ = ["FORMATS", "TEMPLATES", "file_bytes", "file_document", "file_format"]

FORMATS = ("docx", "xlsx", "txt")
TEMPLATES = 48  # distinct sheets per format: every project, indicator count and choice of indicators mixed
# Sentinels: six digits and an amount that the rest of a rendered package does not contain; the amount (and the
# total, plus whole 万元 of other funds) is one a float holds exactly, so openpyxl writes it as python-docx does.
_CODE = "918273"
_FISCAL = Decimal("8642.75")


def file_format(number: int) -> str:
    """The format of the benchmark's file ``number``: the formats in turn."""
    return FORMATS[number % len(FORMATS)]


def file_document(number: int) -> Document:
    """What the benchmark's file ``number`` holds: its template's sheet with a unit and project code of its own
    and a budget of its own."""
    return _document(_template_index(number), _code(number), _fiscal(number))


def file_bytes(number: int) -> bytes:
    """The benchmark's file ``number``: ``file_document(number)`` as a ``file_format(number)`` file."""
    file_format_ = file_format(number)
    if file_format_ == "txt":
        return render_document(file_document(number), file_format_)
    base, members, other = _template(file_format_, _template_index(number))
    fiscal = _fiscal(number)
    values = {
        _CODE.encode(): _code(number).encode(),
        _amount(_FISCAL + other): _amount(fiscal + other),
        _amount(_FISCAL): _amount(fiscal),
    }
    pattern = re.compile(b"|".join(re.escape(sentinel) for sentinel in values))
    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, pattern.sub(lambda match: values[match.group()], data))
    return buffer.getvalue()


def _template_index(number: int) -> int:
    """Each format's files take the templates in turn."""
    return number // len(FORMATS) % TEMPLATES


def _code(number: int) -> str:
    return str(100_000 + number % 900_000)


def _fiscal(number: int) -> Decimal:
    """The file's fiscal funds, in 万元 as synth's; the template's other funds are added to make the total."""
    return (Decimal(random.Random(number).randint(500, 50_000)) / 100).quantize(Decimal("0.01"))


def _amount(value: Decimal) -> bytes:
    return str(value).encode()


@cache
def _template(file_format_: str, index: int) -> tuple[bytes, dict[str, bytes], Decimal]:
    """Template ``index`` of an office format: the package without the members that hold a sentinel, those
    members, and the sheet's other funds."""
    document = _document(index, _CODE, _FISCAL)
    other = document.sheets[0].budget.other or Decimal(0)
    sentinels = [_CODE.encode(), _amount(_FISCAL + other), _amount(_FISCAL)]
    kept, members = io.BytesIO(), {}
    with (
        zipfile.ZipFile(io.BytesIO(render_document(document, file_format_))) as rendered,
        zipfile.ZipFile(kept, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for info in rendered.infolist():
            data = rendered.read(info)
            if any(sentinel in data for sentinel in sentinels):
                members[info.filename] = data
            else:
                package.writestr(info, data)
    missing = [sentinel for sentinel in sentinels if not any(sentinel in data for data in members.values())]
    if missing:
        raise ValueError(f"{file_format_} template {index} does not show {missing}")
    return kept.getvalue(), members, other


def _document(index: int, code: str, fiscal: Decimal) -> Document:
    """Synth's one-sheet document ``index`` (with ``8 + index % 8`` indicators) with the unit code ``code`` and
    ``fiscal`` funds (plus its other funds in the total)."""
    document = generate_document(index, sheets=1, indicators_per_sheet=8 + index % 8)[0]
    unit = document.unit.model_copy(update={"code": code})
    sheet = document.sheets[0]
    sheet.budget = Budget(total=fiscal + (sheet.budget.other or 0), fiscal=fiscal, other=sheet.budget.other)
    sheet.unit, sheet.code = unit, f"{code}-00000"
    document.unit = unit
    return document

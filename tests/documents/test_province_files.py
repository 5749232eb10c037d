"""The province-year benchmark's files (benchmarks/province_files.py): built from templates by substitution, yet
valid packages that read as the documents they stand for, and different from one another."""

import io
import zipfile

import pytest

from benchmarks.province_files import (
    FORMATS,
    TEMPLATES,
    file_bytes,
    file_document,
    file_format,
)
from jixiao.documents import read_bytes, render_document

# Two rounds of the formats at the start, files of every format with other funds (whose total differs from the
# fiscal part), and files far apart that share templates.
NUMBERS = [*range(6), 12, 57, 97, 3 * TEMPLATES, 3 * TEMPLATES + 1, 3 * TEMPLATES + 2, 99_999]


@pytest.mark.parametrize("number", NUMBERS)
def test_a_file_reads_as_the_document_it_stands_for(number):
    data, source = file_bytes(number), f"sheet-{number:06d}.{file_format(number)}"
    if file_format(number) != "txt":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert package.testzip() is None
    expected = file_document(number)
    document = read_bytes(data, source)
    assert document == read_bytes(render_document(expected, file_format(number)), source)
    (sheet,) = document.sheets
    assert sheet.code == f"{100_000 + number}-00000" and document.unit.code == f"{100_000 + number}"
    assert sheet.budget == expected.sheets[0].budget
    assert sheet.budget.total == sheet.budget.fiscal + (sheet.budget.other or 0)


def test_the_substituted_budgets_include_other_funds():
    """The totals that differ from the fiscal part are substituted too (they are a sentinel of their own)."""
    assert any(file_document(number).sheets[0].budget.other for number in NUMBERS)


def test_files_differ_in_code_budget_and_content():
    """Each format's files take every template (the content they hold is what they read as, above)."""
    numbers = range(3 * TEMPLATES)
    documents = [file_document(number) for number in numbers]
    assert len({document.sheets[0].code for document in documents}) == len(documents)
    assert len({document.sheets[0].budget.fiscal for document in documents}) > 0.9 * len(documents)
    for file_format_ in FORMATS:
        contents = {
            (document.sheets[0].name, *(indicator.name for indicator in document.sheets[0].indicators))
            for number, document in zip(numbers, documents)
            if file_format(number) == file_format_
        }
        assert len(contents) > 0.9 * TEMPLATES

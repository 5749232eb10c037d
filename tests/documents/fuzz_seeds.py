"""The valid files the fuzzer mutates (tests/documents/test_fuzz.py, benchmarks/fuzz.py): the sample's goal table
in every format a reader handles, with merged cells where the format has them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests.documents.office_files import SAMPLE_TABLE, docx_file, xlsx_file
from tests.documents.readers.test_html_reader import sample_page
from tests.documents.readers.test_pdf_reader import sample_pdf

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample.txt"
TITLE = "乡镇环境治理经费（西留村）绩效目标表"


@cache
def seeds() -> dict[str, bytes]:
    """File name -> bytes of each seed."""
    return {
        "sample.docx": docx_file(TITLE, SAMPLE_TABLE),
        "sample.xlsx": xlsx_file([[TITLE], *SAMPLE_TABLE]),
        "sample.html": sample_page().encode(),
        "sample.pdf": sample_pdf(),
        "sample.txt": SAMPLE.read_bytes(),
    }

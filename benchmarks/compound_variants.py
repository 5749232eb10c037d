"""Compound variants: two or three transformations of ``benchmarks/variants.py`` applied in turn, as real documents
combine their traits.

A single transformation rewrites a dev document in one form at a time; a published document is seldom that pure.
A web table copied cell per line is also in Traditional characters and wrapped in the site's chrome; a PDF's
spaced columns also have their headings wrapped over two lines and figures with thousands separators. Each compound
below is such a combination, justified by the families of layout of ``shared/corpus/README.md`` (numbered there)
and the dev documents that show it. The steps run in the order of the name (``a+b``: ``a`` first), the one that
needs the table's simplified words or its cells first (OCR slips figures in cells, Traditional characters then
change the words); a compound applies only where every step does, so it is never one of its steps alone.
``benchmarks/corpus_variants.py`` scores them beside the single ones.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.variants import TRANSFORMS, ocr_confusions

__all__ = ["COMPOUNDS", "COMPOUND_TRANSFORMS"]

# the steps of each compound, and the families (and dev documents) that combine them
COMPOUNDS: dict[tuple[str, ...], str] = {
    ("cell_per_line", "traditional"):
        "1+8: a Traditional page's table copied from the browser one cell a line (224)",
    ("cell_per_line", "blank_lines", "page_chrome"):
        "1: a web table copied with a blank line between cells, inside the portal's navigation and footer (034, 115)",
    ("levels_once", "cell_per_line"):
        "1: one cell a line with the merged 一级/二级 cells present only on their group's first row",
    ("levels_repeated", "cell_per_line"):
        "1: one cell a line with the 一级/二级 cells repeated on every row (an unmerged sheet copied from a page)",
    ("operator_unit_columns", "cell_per_line"):
        "1+7: `cell |` a line with the operator and the unit in columns of their own (008)",
    ("pipes_to_spaces", "heading_two_lines"):
        "3: a PDF's spaced columns with its narrow headings wrapped over two lines (010, 013)",
    ("wrapped_cells", "pipes_to_spaces"):
        "3: a PDF's spaced columns with a long cell's tail on a line of its own (013)",
    ("pipes_to_spaces", "heading_two_lines", "thousands_separators"):
        "3+7: a PDF of a budget-system export, spaced columns, wrapped headings and 21,933-style figures",
    ("serial_column", "header_repeated"):
        "2/3: a 序号 column and the heading printed again after a page break, in the table's own layout",
    ("serial_column", "header_repeated", "pipes_to_spaces"):
        "3: a PDF of several pages, its 序号 column and repeated heading in spaced columns",
    ("no_heading_row", "pipes_to_spaces"):
        "3: spaced columns of a grid pasted without its heading row (a heading printed as an image)",
    ("operator_unit_columns", "full_width"):
        "7: separate 指标性质/度量单位 columns typed with full-width figures and signs (003 and 025 have the columns)",
    ("ocr_confusions", "traditional"):
        "8+9: a scanned Traditional copy, OCR's slips in its figures (223, 232)",
    ("separators_removed", "pinyin_glosses"):
        "4+8: a document-sharing site's run-together text in Traditional characters with pinyin glosses (015, 153)",
    ("ocr_slips_unspaced", "separators_removed"):
        "4+9: a document-sharing site's run-together OCR text (004, 038); no space slipped into a figure, where a "
        "space may separate two cells run together",
    ("rows_as_prose", "page_chrome"):
        "6: a notice of goals said in sentences inside a portal page's chrome (019, 127, 202)",
}


# the steps: the single transformations, and OCR's slips without the space one (for a row whose cells run together)
_STEPS = {**TRANSFORMS, "ocr_slips_unspaced": partial(ocr_confusions, spaces=False)}


def _compound(steps: tuple[str, ...]) -> Callable[[str], str | None]:
    def apply(text: str) -> str | None:
        for step in steps:
            text = _STEPS[step](text)
            if text is None:
                return None
        return text

    apply.__doc__ = COMPOUNDS[steps]
    return apply


COMPOUND_TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "+".join(steps): _compound(steps) for steps in COMPOUNDS}

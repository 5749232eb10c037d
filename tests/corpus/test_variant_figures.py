"""The metamorphic figures are pinned: dev documents rewritten in another textual form must not read worse.

``variant_pins.json`` holds, per transformation of ``benchmarks/variants.py``, the indicators read right in the
variants of a fixed set of dev documents (and in their originals). A change that lowers any transformation's
figure fails; one that raises it fails asking to record it:

    JIXIAO_UPDATE_PINS=1 .venv/bin/pytest tests/corpus/test_variant_figures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.corpus_variants import dev_texts, variant_figures
from benchmarks.variants import TRANSFORMS, variants

PINS = Path(__file__).with_name("variant_pins.json")
# dev documents in every text layout the corpus has: pipes with merged cells dropped (102, 125, 128, 146), pipes
# whole (003, 111), one cell per line (105, 113), runs of spaces (151), single spaces (037, 170), a self-evaluation
# with its money rows (107, 134)
DOCUMENTS = ["003", "037", "102", "105", "107", "111", "113", "125", "128", "134", "146", "151", "170"]


@pytest.fixture(scope="module")
def figures() -> dict:
    return {name: result.figures() for name, result in variant_figures(dev_texts(DOCUMENTS)).items()}


def test_variant_figures_do_not_get_worse(figures):
    if os.environ.get("JIXIAO_UPDATE_PINS") == "1" or not PINS.exists():
        PINS.write_text(json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    worse = [f"{name}: {pinned[name]['right']} -> {now['right']}" for name, now in figures.items()
             if name in pinned and now["right"] < pinned[name]["right"]]
    assert not worse, "jixiao reads the variants worse than pinned:\n" + "\n".join(worse)
    assert figures == pinned, "the variant figures changed (better or new); record them with JIXIAO_UPDATE_PINS=1"


def test_every_transformation_applies_to_the_pinned_documents(figures):
    assert all(result["documents"] for result in figures.values()), figures


_PIPED = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥18公里 |",
                    "| 效益指标 | 社会效益指标 | 受益人数 | ≥100人 |", "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |",
                    "| 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90% |"])
_SPACED = _PIPED.replace(" | ", "    ").replace("| ", "").replace(" |", "")


@pytest.mark.parametrize("name", list(TRANSFORMS))
def test_every_transformation_rewrites_a_table(name):
    assert any(variants(text, [name]).get(name) not in (None, text) for text in (_PIPED, _SPACED))


@pytest.mark.parametrize("name", ["pipes_to_tabs", "pipes_to_spaces", "spaces_to_tabs", "spaces_to_pipes",
                                  "cell_per_line", "blank_lines"])
def test_a_layout_transformation_changes_only_the_separators(name):
    for text in (_PIPED, _SPACED):
        variant = variants(text, [name]).get(name, text)
        assert "".join(variant.split()).replace("|", "") == "".join(text.split()).replace("|", "")


def test_the_added_rows_and_columns_are_the_heading_again_a_serial_number_and_a_remark():
    assert variants(_PIPED, ["header_repeated"])["header_repeated"].split("\n")[2] == _PIPED.split("\n")[0]
    serial = variants(_PIPED, ["serial_column"])["serial_column"].split("\n")
    assert serial[0].startswith("| 序号 | 一级指标") and serial[2].startswith("| 2 | 效益指标")
    remark = variants(_SPACED, ["remark_column"])["remark_column"].split("\n")
    assert remark[0].endswith("指标值    备注") and remark[3].endswith("≥90%    无")

"""The merge check of ``benchmarks.pins_compare``: a good figure lower after a merge is reported, others are not."""

from benchmarks.pins_compare import drops


def test_a_lower_good_reading_figure_is_reported_with_document_and_figure():
    branch = {("dev", "106_x"): {"unit_right": 7, "found": 9, "yielded": True}}
    merged = {("dev", "106_x"): {"unit_right": 6, "found": 8, "yielded": True}}
    assert list(drops(merged, branch)) == ["dev 106_x: unit_right 7 → 6"]


def test_audit_figures_compare_correct_findings_and_flags_found_only():
    branch = {("audit", "161_x"): {"correct": 4, "findings": 5, "flags_found": 3}}
    merged = {("audit", "161_x"): {"correct": 4, "findings": 4, "flags_found": 2}}
    assert list(drops(merged, branch)) == ["audit 161_x: flags_found 3 → 2"]


def test_documents_only_in_the_branch_and_rises_are_not_drops():
    branch = {("dev", "a"): {"fully_right": 2}, ("twin", "b.xlsx"): {"fully_right": 1}}
    merged = {("dev", "a"): {"fully_right": 3}}
    assert list(drops(merged, branch)) == []

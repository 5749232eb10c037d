"""review_document, profiles, configuration and the transparent grade."""

from decimal import Decimal

import pytest

from jixiao.model import Diagnostic, Framework, Location, Severity
from jixiao.model.finding import Finding, Fix
from jixiao.review import (
    Config,
    ProfileError,
    available_profiles,
    load_profile,
    review_document,
    review_sheet,
)
from jixiao.review.outcome import GRADE_MEANINGS
from tests.review.sheets import build_document, build_sheet, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def test_reader_diagnostics_become_findings_of_their_sheet():
    document = build_document(BASE)
    key = document.sheets[0].key
    document = document.model_copy(update={"diagnostics": [
        Diagnostic(code="T201", severity=Severity.WARNING, template="指标表缺少“指标值确定依据”列",
                   location=Location(sheet=key, row=3)),
        Diagnostic(code="T101", severity=Severity.INFO, template="文档未注明单位", location=Location()),
    ]})
    review = review_document(document, load_profile())
    (sheet_finding,) = review.sheets[0].findings
    assert sheet_finding.rule == "JX001" and "T201" in sheet_finding.message and sheet_finding.location.row == 3
    # How the file was read is not the sheet's mistake: reader diagnostics do not count towards the grade.
    assert review.sheets[0].grade == "优" and review.sheets[0].score == 100
    (document_finding,) = review.document_findings
    assert document_finding.severity is Severity.INFO and document_finding.location.file == "case.txt"


def _cut_after(rows: list[int], code: str = "P119"):
    """The base sheet keeping only ``rows`` (1-based, in that order), in a file the reader says ends inside its grid."""
    document = build_document(patched(BASE, {"rows": [BASE["rows"][n - 1] for n in rows]}))
    cut = Diagnostic(code=code, severity=Severity.INFO, template="指标表在文件末尾结束",
                     location=Location(sheet=document.sheets[0].key, table=1, line=40))
    return review_document(document.model_copy(update={"diagnostics": [cut]}), load_profile()).sheets[0]


@pytest.mark.parametrize(
    ("rows", "code", "reported"),
    [
        # cut after 数量 and 质量: 时效, 成本, 效益 and 满意度 would follow the cut (corpus 128, 142)
        ([1, 2], "P119", []),
        # cut inside the 效益 rows: what stands before them and is missing is still missing (时效); 成本指标 is
        # never judged missing in a cut grid, since the 2021 framework may list it last
        ([1, 2, 5], "P114", [("JX104", "时效指标")]),
        # a grid read out of the standard order (满意度, 效益, 质量, then the cut: corpus 003) may have had its 数量
        # and 时效 rows after the cut
        ([7, 5, 2], "P120", []),
        # the same sheet in a whole file
        ([1, 2], None, [("JX103", "效益指标"), ("JX103", "满意度指标"), ("JX104", "时效指标"), ("JX105", None)]),
    ],
)
def test_what_the_file_cuts_off_is_not_missing(rows, code, reported):
    if code is None:
        review = review_sheet(build_sheet(patched(BASE, {"drop_rows": [n for n in range(1, 8) if n not in rows]})),
                              load_profile())
    else:
        review = _cut_after(rows, code)
    missing = [(f.rule, f.params.get("level1") or f.params.get("level2")) for f in review.findings
               if f.rule in ("JX103", "JX104", "JX105")]
    assert missing == reported
    assert review.partial is (code is not None)


@pytest.mark.parametrize(
    ("code", "blank", "reported"),
    [
        # the file ends after the rows' names, on their values' heading (P124): the rows it ends on lost their values
        # with the cut (corpus 208)
        ("P124", [2, 3], []),
        # a row left blank above a row with its value was not cut: it is the author's blank
        ("P124", [1], ["矛盾纠纷排查行政村数"]),
        # a file ending inside its last row (P114) cut that row only
        ("P114", [2, 3], ["矛盾纠纷调解成功率"]),
    ],
)
def test_the_values_the_file_cuts_off_are_not_blank(code, blank, reported):
    rows = [list(BASE["rows"][n - 1]) for n in (1, 2, 3)]
    for n in blank:
        rows[n - 1][4] = ""
    document = build_document(patched(BASE, {"rows": rows}))
    cut = Diagnostic(code=code, severity=Severity.INFO, template="表格在文件末尾中断",
                     location=Location(sheet=document.sheets[0].key, table=1, line=40))
    review = review_document(document.model_copy(update={"diagnostics": [cut]}), load_profile()).sheets[0]
    assert [f.params.get("indicator") for f in review.findings if f.rule == "JX107"] == reported


@pytest.mark.parametrize(("code", "reported"), [("P101", []), (None, ["JX102"])])
def test_a_grid_the_reader_did_not_find_is_not_reported_empty(code, reported):
    # corpus 121: the file ends after the third project's header; the reader says P101 (no indicator header found)
    document = build_document(patched(BASE, {"rows": []}))
    if code:
        missing = Diagnostic(code=code, severity=Severity.ERROR, template="没有找到指标表头",
                             location=Location(sheet=document.sheets[0].key))
        document = document.model_copy(update={"diagnostics": [missing]})
    findings = review_document(document, load_profile()).sheets[0].findings
    assert [f.rule for f in findings if f.rule != "JX001"] == reported


def test_a_sheet_the_file_cuts_off_is_at_best_good():
    review = _cut_after([1, 2, 3, 4, 5, 6])  # nothing wrong in what was read, but 满意度 was not seen
    assert review.grade == "良" and review.capped_by == ["JX001"] and review.score == 100
    assert review.explain().endswith("最高评为良）")


def test_grade_is_explained_and_capped():
    sheet = build_sheet(patched(BASE, {"rows": []}))
    review = review_sheet(sheet, load_profile())
    assert review.grade == "差" and review.capped_by == ["JX102"]
    assert "JX102" in review.explain() and review.explain().endswith("最高评为差）")
    assert set(GRADE_MEANINGS) == {"优", "良", "中", "差"}


def test_an_error_means_the_sheet_is_returned():
    review = review_sheet(build_sheet(patched(BASE, {"goals": []})), load_profile())
    assert review.score >= 90 and review.grade == "中" and review.capped_by == ["JX106"]


def test_one_rule_deducts_at_most_its_cap():
    rows = [["产出指标", "数量指标", f"指标{n}", "描述", "90", "计划标准"] for n in range(10)]
    review = review_sheet(build_sheet(patched(BASE, {"rows": rows})), load_profile())
    assert max(d.points for d in review.deductions) <= Decimal(20)


def test_framework_follows_the_year_unless_the_profile_fixes_it():
    profile = load_profile()
    assert profile.framework_for(2020) is Framework.LEGACY
    assert profile.framework_for(2024) is Framework.Y2021
    assert profile.framework_for(None) is Framework.LEGACY
    assert profile.model_copy(update={"framework": "y2021"}).framework_for(2019) is Framework.Y2021


def test_local_profile_extends_the_central_one():
    local = load_profile("county-example")
    assert "county-example" in available_profiles() and "central" in available_profiles()
    assert local.parameter("JX705", "minimums", {}) == {"6": 50, "9": 75}
    assert local.parameter("JX103", "required", None) == ["产出指标", "效益指标", "满意度指标"]  # inherited
    assert local.severity_of("JX105", Severity.WARNING) is Severity.ERROR
    assert local.enabled("JX705", "spend-plan-below-minimum")


def test_profile_files_and_errors(tmp_path):
    (tmp_path / "mine.toml").write_text('name = "mine"\nextends = "central"\nignore = ["JX6"]\n', encoding="utf-8")
    mine = load_profile("mine.toml", tmp_path)
    assert not mine.enabled("JX603", "goal-number-mismatch") and mine.enabled("JX401", "x")
    with pytest.raises(ProfileError):
        load_profile("nowhere")
    (tmp_path / "loop.toml").write_text('name = "loop"\nextends = "loop.toml"\n', encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile("loop.toml", tmp_path)


def test_config_adjusts_the_profile_like_ruff():
    config = Config.model_validate({"select": ["JX4"], "extend-select": ["JX801"], "ignore": ["JX403"],
                                    "severity": {"JX801": "error"}})
    profile = config.resolve()
    assert profile.enabled("JX401", "") and profile.enabled("JX801", "") and not profile.enabled("JX403", "")
    assert not profile.enabled("JX101", "")
    assert profile.severity_of("JX801", Severity.WARNING) is Severity.ERROR
    assert config.resolve(select=["JX1"]).enabled("JX101", "")


def test_severity_override_reaches_findings():
    document = build_document(patched(BASE, {"drop_rows": [4]}))
    profile = load_profile().adjusted(severity={"JX105": Severity.ERROR})
    (finding,) = [f for f in review_document(document, profile).findings if f.rule == "JX105"]
    assert finding.severity is Severity.ERROR


def test_findings_serialise_with_their_rendered_message():
    document = build_document(patched(BASE, {"drop_rows": [4]}))
    (finding,) = review_document(document, load_profile()).findings
    data = finding.model_dump(mode="json")
    assert data["message"] == finding.template.format_map(finding.params)
    assert finding.contract()["fix"] is None  # the contract keeps fix as null when there is none


def test_only_error_findings_of_the_profiles_blocking_rules_stop_a_submission(tmp_path):
    central = load_profile("central")
    assert central.blocks("JX102", "no-indicators", Severity.ERROR)
    assert not central.blocks("JX102", "no-indicators", Severity.WARNING)  # demoted by a local profile
    assert not central.blocks("JX303", "count-in-percent", Severity.ERROR)  # advice, however serious
    local = tmp_path / "local.toml"
    local.write_text('name = "local"\nextends = "central"\nblocking = ["JX3"]\n', encoding="utf-8")
    assert load_profile(str(local)).blocks("JX303", "count-in-percent", Severity.ERROR)


def test_the_contract_gives_the_template_and_its_parameters_beside_the_message():
    # a client rendering its own text (or another language) gets what the message was made of, figures as shown
    document = build_document(patched(BASE, {"drop_rows": [4]}))
    (finding,) = review_document(document, load_profile()).findings
    contract = finding.contract()
    assert contract["template"] == finding.template and contract["params"]
    assert contract["template"].format_map(contract["params"]) == contract["message"]
    assert all(isinstance(value, str) for value in contract["params"].values())


def test_a_fix_keeps_the_cell_it_quotes_as_data_rendered_late():
    # the corrected name is a cell (braces and all): the fix's words are a template, the cell one parameter
    row = ["产出指标", "数量指标", "指标1：{县}级排查村数", "全乡18个行政村开展矛盾纠纷排查", "≥18个", "计划标准：年度方案"]
    document = build_document(patched(BASE, {"set_rows": {"1": row}}))
    (finding,) = [f for f in review_document(document, load_profile()).findings if f.rule == "JX108"]
    fix = finding.fix
    assert (fix.template, fix.params) == ("删去占位文字，改为“{cleaned}”", {"cleaned": "{县}级排查村数"})
    assert fix.summary == "删去占位文字，改为“{县}级排查村数”"
    contract = finding.contract()["fix"]
    assert (contract["template"], contract["params"], contract["summary"]) == (fix.template, fix.params, fix.summary)
    assert Finding.model_validate(finding.model_dump(mode="json")).fix == fix


def test_a_fix_stored_with_its_summary_alone_still_reads_as_written():
    # findings stored (and check results written) before fixes kept their template hold the summary alone
    stored = Fix.model_validate({"applicability": "display-only", "summary": "改为“{x}”", "edits": []})
    assert (stored.template, stored.params, stored.summary) == ("改为“{{x}}”", {}, "改为“{x}”")

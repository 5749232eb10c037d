"""Template residue that the reader cleans off a 三级指标 name is still reported by the review (JX108): the
reader keeps the cell as written (``Indicator.name_raw``), the finding names it and its fix is the cleaned name."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text
from jixiao.model import Severity
from jixiao.review import load_profile, review_sheet

# Hunan 2018 扶贫 form (corpus 109): the template's ``(≥**个)`` left inside names, the value filled beside it
LINES = [
    "一级指标|二级指标|三级指标|指标值",
    "产出指标|数量指标|贫困地区旅游景点开发数量( ≥**个 )|>=4个",
    "产出指标|时效指标|贫困地区基础设施建设按期完成率(≥**%)|>=95%",
    "效益指标|社会效益指标|贫困地区乡村旅游开发景点接待游客数量|>=60000人",
]


def _sheet():
    return read_text("\n".join(["项目名称|贫困地区乡村旅游基地建设", *LINES]).encode(), "109.txt")[0].sheets[0]


def test_the_reader_cleans_the_name_and_keeps_the_cell_as_written():
    sheet = _sheet()
    assert [(i.name, i.name_raw) for i in sheet.indicators] == [
        ("贫困地区旅游景点开发数量", "贫困地区旅游景点开发数量( ≥**个 )"),
        ("贫困地区基础设施建设按期完成率", "贫困地区基础设施建设按期完成率(≥**%)"),
        ("贫困地区乡村旅游开发景点接待游客数量", None),
    ]


def test_residue_in_a_name_is_a_warning_whose_fix_is_the_cleaned_name():
    whole = _sheet()
    sheet = whole.model_copy(update={"indicators": whole.indicators[:1]})
    [finding] = [f for f in review_sheet(sheet, load_profile()).findings if f.rule == "JX108"]
    assert (finding.indicator, finding.location.column, finding.severity) == (
        "贫困地区旅游景点开发数量", "三级指标", Severity.WARNING)
    assert [(e.before, e.after) for e in finding.fix.edits] == [("贫困地区旅游景点开发数量( ≥**个 )", "贫困地区旅游景点开发数量")]


def test_residue_left_in_several_names_is_one_warning_for_the_sheet_listing_the_rows():
    # corpus 166, 187: the template never cleaned is one omission, noted once; the fix still cleans every name
    findings = [f for f in review_sheet(_sheet(), load_profile()).findings if f.rule == "JX108"]
    assert [(f.indicator, f.location.column, f.severity) for f in findings] == [(None, "三级指标", Severity.WARNING)]
    assert "“( ≥**个 )”“(≥**%)”，共2行：贫困地区旅游景点开发数量、贫困地区基础设施建设按期完成率" in findings[0].message
    assert [(e.before, e.after) for f in findings for e in f.fix.edits] == [
        ("贫困地区旅游景点开发数量( ≥**个 )", "贫困地区旅游景点开发数量"),
        ("贫困地区基础设施建设按期完成率(≥**%)", "贫困地区基础设施建设按期完成率"),
    ]


def test_residue_in_names_written_as_prose_is_reported_as_written():
    # Ningxia 绩效目标设定 notices (corpus 019, 127): indicators written as prose, each name with its residue
    text = "\n".join(["现将绩效目标设定如下:", "一、 产出指标",
                      "数量指标:黄金蜜(葡萄)种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85%。"])
    sheet = read_text(text.encode(), "019.txt")[0].sheets[0]
    [finding] = [f for f in review_sheet(sheet, load_profile()).findings if f.rule == "JX108"]
    assert (finding.indicator, finding.location.column, finding.severity) == (None, "三级指标", Severity.WARNING)
    assert "“(≥**株)”“(≥**%)”，共2行：黄金蜜(葡萄)种植数量、种植作物成活率" in finding.message


def test_a_completion_left_as_the_forms_instruction_is_reported_where_the_reader_put_it():
    # corpus 008: 项目年度目标 | 年度目标完成情况, the completion cell still the template's instruction
    text = "\n".join(["项目名称|工资性支出", "项目年度目标|年度目标完成情况",
                      "保障工资及时、足额发放|对照年度目标,说明相关任务目标的完成情况(100字以内)",
                      "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分",
                      "产出指标|数量指标|发放人数|20人|20人|10|10"])
    sheet = read_text(text.encode(), "008.txt")[0].sheets[0]
    assert sheet.goals == ["保障工资及时、足额发放"]
    [finding] = [f for f in review_sheet(sheet, load_profile()).findings if f.rule == "JX108"]
    assert (finding.location.column, finding.severity) == ("overall_actual", Severity.WARNING)
    assert "年度总体目标实际完成情况" in finding.message
    assert "(100字以内)" in finding.message


NUMBERED = ["一级指标|二级指标|三级指标|指标值", "产出指标|数量指标|指标1:抽检批次|≥100批次",
            "产出指标|质量指标|指标5.抽检合格率(≥**%)|≥95%"]


def _numbered(kind: str):
    document = read_text("\n".join(["项目名称|食品监管", *NUMBERED]).encode(), "034.txt")[0]
    return document.model_copy(update={"kind": kind})


def test_a_reports_numbering_is_kept_as_written_and_is_not_reported_as_residue():
    # corpus 034/036: the Sichuan self-evaluation numbers its rows (指标1:, 指标5.) as the approved sheet printed them,
    # not left-over text to clean; a numbered name with residue as well is reported as before (corpus 147)
    document = _numbered("self-eval")
    sheet = document.sheets[0]
    assert [(i.name, i.name_raw) for i in sheet.indicators] == [
        ("抽检批次", "指标1:抽检批次"), ("抽检合格率", "指标5.抽检合格率(≥**%)")]
    findings = [f for f in review_sheet(sheet, load_profile(), document).findings if f.rule == "JX108"]
    assert [f.indicator for f in findings] == ["抽检合格率"]


def test_the_forms_numbering_left_in_a_goal_sheets_names_is_reported_with_the_rest():
    # corpus 147 (指标1:新建堤防、护岸长度 … on a goal sheet): the reviewer asks for the numbering to go; with another
    # row's residue it is one warning for the column, listing both rows, its fix the cleaned names
    document = _numbered("goal")
    sheet = document.sheets[0]
    [finding] = [f for f in review_sheet(sheet, load_profile(), document).findings if f.rule == "JX108"]
    assert (finding.indicator, finding.location.column, finding.severity) == (None, "三级指标", Severity.WARNING)
    assert "“指标1:”" in finding.message and "共2行：抽检批次、抽检合格率" in finding.message
    assert [(e.before, e.after) for e in finding.fix.edits][0] == ("指标1:抽检批次", "抽检批次")


# corpus 234: the form's numbered rows left empty (指标1: and blank cells), two of them run together into one cell
# (指标1:指标2:), set aside by the reader (P108): the template never cleaned of unused rows, noted once for the sheet
_EMPTY_ROWS = [
    "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分",
    "产出指标|质量指标|演出设备合格率|合格|合格|20|20",
    "产出指标|时效指标|指标1:| | | | ",
    "效益指标|社会效益指标|指标1:指标2:| | | | ",
    "满意度指标|服务对象满意度指标|观众满意度|≥90%|95%|20|20",
    "填表人：张明",
]


def test_the_forms_empty_numbered_rows_set_aside_by_the_reader_are_noted_once_for_the_sheet():
    document = read_text("\n".join(["项目名称|演出设备更新", *_EMPTY_ROWS]).encode(), "234.txt")[0]
    assert [i.name for i in document.sheets[0].indicators] == ["演出设备合格率", "观众满意度"]
    [finding] = [f for f in review_sheet(document.sheets[0], load_profile(), document).findings if f.rule == "JX108"]
    assert (finding.indicator, finding.location.column, finding.severity) == (None, "三级指标", Severity.INFO)
    assert "“指标1:”“指标1:指标2:”，共2行：时效指标、社会效益指标" in finding.message


def test_a_row_set_aside_with_a_name_after_its_numbering_is_no_empty_template_row():
    lines = [line.replace("指标1:指标2:", "指标1:") if "社会效益" in line else line
             for line in _EMPTY_ROWS if "时效指标" not in line]
    document = read_text("\n".join(["项目名称|演出设备更新", *lines]).encode(), "234.txt")[0]
    assert [f.message for f in review_sheet(document.sheets[0], load_profile(), document).findings
            if f.rule == "JX108"] == ["“三级指标”中残留模板文字“指标1:”"]
    named = [line.replace("指标1:指标2:", "指标1:剧目宣传") for line in _EMPTY_ROWS if "时效指标" not in line]
    document = read_text("\n".join(["项目名称|演出设备更新", *named]).encode(), "234.txt")[0]
    assert not [f for f in review_sheet(document.sheets[0], load_profile(), document).findings
                if f.rule == "JX108" and f.indicator is None]

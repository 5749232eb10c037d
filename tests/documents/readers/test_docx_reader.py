import io
import zipfile
from decimal import Decimal

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.blocks import Paragraph
from jixiao.documents.readers.docx_reader import read_docx
from jixiao.model import Diagnostic, Direction, GoalSheet, Indicator, Location, Operator
from jixiao.model.doubt import doubtful_rows
from jixiao.review import review_document
from tests.documents.office_files import HEADER, LEFT, SAMPLE_TABLE, UP, docx_file, xlsx_file


# -- the block stream ------------------------------------------------------------------------------------------
def test_paragraphs_and_tables_come_in_body_order():
    layout = read_docx(docx_file("前言", [["a", "b"]], "中间", [["c"]]), "x.docx")
    kinds = [(type(b).__name__, getattr(b, "text", None) or getattr(b, "texts", None)) for b in layout.blocks]
    assert kinds == [("Paragraph", "前言"), ("Row", ["a", "b"]), ("Paragraph", "中间"), ("Row", ["c"])]


def test_rows_are_numbered_by_table_and_row():
    layout = read_docx(docx_file([["a"], ["b"]], [["c"]]), "x.docx")
    assert [(row.table, row.row) for row in layout.blocks] == [(1, 1), (1, 2), (2, 1)]


def test_horizontal_merge_is_one_cell_at_its_first_grid_column():
    layout = read_docx(docx_file([["a", LEFT, "b"], ["c", "d", "e"]]), "x.docx")
    first = layout.blocks[0]
    assert [(cell.text, cell.column) for cell in first.cells] == [("a", 0), ("b", 2)]


def test_vertical_merge_continues_as_an_empty_cell():
    layout = read_docx(docx_file([["a", "b"], [UP, "c"]]), "x.docx")
    second = layout.blocks[1]
    assert [(cell.text, cell.column) for cell in second.cells] == [("", 0), ("c", 1)]


def test_cell_paragraphs_are_joined_by_newlines_and_empty_ones_dropped():
    layout = read_docx(docx_file([["第一段\n\n第二段"]]), "x.docx")
    assert layout.blocks[0].cells[0].text == "第一段\n第二段"


def test_a_nested_table_follows_its_outer_row_as_a_table_of_its_own():
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    outer.cell(0, 0).paragraphs[0].add_run("外层")
    outer.cell(0, 0).add_table(rows=1, cols=2).cell(0, 1).paragraphs[0].add_run("内层")
    buffer = io.BytesIO()
    document.save(buffer)
    rows = read_docx(buffer.getvalue(), "x.docx").blocks
    assert [(row.table, row.texts) for row in rows] == [(1, ["外层"]), (2, ["", "内层"])]


def _raw_docx(table_xml: str) -> bytes:
    """A .docx whose body is one table written as raw WordprocessingML (what python-docx does not write)."""
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:tbl>{table_xml}</w:tbl></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


def _tc(text: str, properties: str = "") -> str:
    return f"<w:tc>{properties}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize(("row_xml", "cells"), [
    # a row that skips leading grid columns
    ('<w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("b"), [("b", 1)]),
    # an old-style horizontal merge: the continuing cell is dropped, the next one keeps its grid column
    (_tc("a", '<w:tcPr><w:hMerge w:val="restart"/></w:tcPr>') + _tc("", "<w:tcPr><w:hMerge/></w:tcPr>") + _tc("c"),
     [("a", 0), ("c", 2)]),
    # a cell spanning two grid columns
    (_tc("a", '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>') + _tc("c"), [("a", 0), ("c", 2)]),
    # a cell inside a content control, and a content control around a cell's paragraph
    ("<w:sdt><w:sdtContent>" + _tc("a") + "</w:sdtContent></w:sdt>"
     + "<w:tc><w:sdt><w:sdtContent><w:p><w:r><w:t>b</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>",
     [("a", 0), ("b", 1)]),
    # tabs and breaks inside a run; empty paragraphs dropped
    ("<w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p><w:p/></w:tc>",
     [("a b\nc", 0)]),
    # a text box inside a cell's paragraph: its paragraphs are the cell's lines after the paragraph's own
    ("<w:tc><w:p><w:r><w:t>外</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p>"
     "</w:txbxContent></w:pict></w:r></w:p></w:tc>" + _tc("b"), [("外\n框", 0), ("b", 1)]),
    # a text box written twice, as Word writes it: the DrawingML choice is read, its VML fallback is not
    (('<w:tc><w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
      "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>"
      "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p>"
      "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc>"), [("框", 0)]),
    # ≥ and ≤ inserted from the Symbol font, a tick from Wingdings, a Unicode font's character as itself
    (('<w:tc><w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t></w:r></w:p></w:tc>'
      '<w:tc><w:p><w:r><w:sym w:font="Symbol" w:char="F0A3"/><w:t>5天</w:t></w:r></w:p></w:tc>'
      '<w:tc><w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>是</w:t></w:r></w:p></w:tc>'
      '<w:tc><w:p><w:r><w:sym w:font="宋体" w:char="2265"/><w:t>1</w:t></w:r></w:p></w:tc>'),
     [("≥95%", 0), ("≤5天", 1), ("☑是", 2), ("≥1", 3)]),
    # changes left tracked: the inserted text is read, the deleted text is not
    (('<w:tc><w:p><w:del w:id="1" w:author="a"><w:r><w:delText>旧名称</w:delText></w:r></w:del>'
      '<w:ins w:id="2" w:author="a"><w:r><w:t>新名称</w:t></w:r></w:ins></w:p></w:tc>'), [("新名称", 0)]),
    # text moved with changes tracked: read at its new place only, not twice
    (('<w:tc><w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>≥95%</w:t></w:r></w:moveFrom></w:p></w:tc>'
      '<w:tc><w:p><w:moveTo w:id="2" w:author="a"><w:r><w:t>≥95%</w:t></w:r></w:moveTo></w:p></w:tc>'),
     [("", 0), ("≥95%", 1)]),
    # smart tags and custom XML around runs are looked through
    (('<w:tc><w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>遵化</w:t>'
      '</w:r></w:smartTag><w:r><w:t>市</w:t></w:r><w:customXml w:element="v"><w:r><w:t>西留村</w:t></w:r></w:customXml>'
      "</w:p></w:tc>"), [("遵化市西留村", 0)]),
    # fields: the result is read, never the code (a simple field, and a form field in begin/separate/end parts)
    (('<w:tc><w:p><w:fldSimple w:instr=" =SUM(ABOVE) "><w:r><w:t>100</w:t></w:r></w:fldSimple></w:p></w:tc>'
      '<w:tc><w:p><w:r><w:t>≥</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="pre'
      'serve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>90%</w:t></w:r>'
      '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc>'), [("100", 0), ("≥90%", 1)]),
    # a carriage return, a non-breaking hyphen and a positional tab inside a run
    ("<w:tc><w:p><w:r><w:t>2023</w:t><w:noBreakHyphen/><w:t>2025年</w:t><w:cr/><w:t>累计</w:t><w:ptab "
     'w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>3次</w:t></w:r></w:p></w:tc>',
     [("2023-2025年\n累计 3次", 0)]),
    # a content control still showing its prompt is an empty cell, around the cell or around a run
    ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:t>单击或点击此处输入文字。</w:t>'
     "</w:r></w:p></w:tc></w:sdtContent></w:sdt><w:tc><w:p><w:r><w:t>≥</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/>"
     "</w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>"
     '<w:tc><w:sdt><w:sdtPr><w:alias w:val="指标值"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>95%</w:t></w:r></w:p>'
     "</w:sdtContent></w:sdt></w:tc>", [("", 0), ("≥", 1), ("95%", 2)]),
])
def test_raw_table_markup_gives_cells_at_their_grid_columns(row_xml, cells):
    layout = read_docx(_raw_docx(f"<w:tr>{row_xml}</w:tr><w:tr>{_tc('下一行')}</w:tr>"), "x.docx")
    assert [[(cell.text, cell.column) for cell in row.cells] for row in layout.blocks] == [cells, [("下一行", 0)]]
    assert [(row.table, row.row) for row in layout.blocks] == [(1, 1), (1, 2)]
    assert layout.diagnostics == []


_NESTED = "<w:tbl><w:tr>" + _tc("内层") + "</w:tr></w:tbl><w:p/>"  # (makes the outer table one read cell by cell)
_HIDDEN = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>{text}</w:t><w:tab/></w:r>'


@pytest.mark.parametrize("nested", [False, True], ids=["flat", "with-a-nested-table"])
def test_hidden_text_is_not_read_and_is_named_by_table_and_row(nested):
    # a WPS/Word template's note to whoever fills it in, formatted hidden: neither glued into the cell nor lost
    # unsaid; rows inside a content control are numbered like the others
    note = _HIDDEN.format(text="（填写说明：按年度填写）")
    rows = (f"<w:tr>{_tc('一级指标')}{_tc('指标值')}</w:tr>"
            "<w:sdt><w:sdtContent><w:tr>" + _tc("产出指标") + f"<w:tc><w:p><w:r><w:t>≥95%</w:t></w:r>{note}</w:p>"
            + (_NESTED if nested else "") + "</w:tc></w:tr></w:sdtContent></w:sdt>"
            + f'<w:tr>{_tc("效益指标")}<w:tc><w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>明显</w:t></w:r></w:p>'
            "</w:tc></w:tr>")
    layout = read_docx(_raw_docx(rows), "x.docx")
    outer = [block for block in layout.blocks if block.table == 1]
    assert [row.texts for row in outer] == [["一级指标", "指标值"], ["产出指标", "≥95%"], ["效益指标", "明显"]]
    assert [(d.code, d.message, d.location.table, d.location.row) for d in layout.diagnostics] == [
        ("P179", "设为隐藏格式的文字未读取：（填写说明：按年度填写）", 1, 2)]


def test_hidden_text_in_a_paragraph_is_named_by_the_file():
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            "<w:t>项目支出绩效目标表</w:t></w:r>" + _HIDDEN.format(text="模板版本2") + "</w:p></w:body></w:document>")
    layout = read_docx(_zip({"word/document.xml": body.encode()}), "x.docx")
    assert [block.text for block in layout.blocks] == ["项目支出绩效目标表"]
    assert [(d.code, d.message, d.location.file, d.location.table) for d in layout.diagnostics] == [
        ("P179", "设为隐藏格式的文字未读取：模板版本2", "x.docx", None)]


def test_embedded_objects_and_documents_are_named_not_read():
    # an Excel worksheet pasted into a cell as an object, and a whole document embedded after the table (altChunk):
    # their text is not Word's to read, and the diagnostic says so where they stand
    ole = ('<w:tc><w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" '
           'ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025"/></w:object></w:r></w:p></w:tc>')
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:tbl>'
            f"<w:tr>{_tc('项目名称')}{_tc('甲')}</w:tr><w:tr>{_tc('绩效指标')}{ole}</w:tr></w:tbl>"
            '<w:altChunk r:id="rId9"/></w:body></w:document>')
    layout = read_docx(_zip({"word/document.xml": body.encode()}), "x.docx")
    assert [row.texts for row in layout.blocks] == [["项目名称", "甲"], ["绩效指标", ""]]
    assert [(d.code, d.message, d.location.table, d.location.row) for d in layout.diagnostics] == [
        ("P178", "嵌入的对象（Excel.Sheet.12）无法读取", 1, 2), ("P178", "嵌入的文档（altChunk）无法读取", None, None)]


_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_CHUNK_GRID = [["项目名称", "村级公路养护"], ["一级指标", "二级指标", "三级指标", "指标值"],
               ["产出指标", "数量指标", "养护里程", "≥42公里"]]


def _with_chunk(target: str, part: bytes) -> bytes:
    """A .docx with a table, then a document embedded whole (altChunk) whose part is ``target``, then a paragraph."""
    body = (f"<w:document {_NAMESPACES}><w:body><w:p><w:r><w:t>2024年度项目支出绩效目标表</w:t></w:r></w:p>"
            f"<w:tbl><w:tr>{_tc('单位名称')}{_tc('某县公路局')}</w:tr></w:tbl>"
            '<w:altChunk r:id="rId9"/><w:p><w:r><w:t>填表人：张三</w:t></w:r></w:p></w:body></w:document>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
            f'Target="{target}"/></Relationships>')
    return _zip({"word/document.xml": body.encode(), "word/_rels/document.xml.rels": rels.encode(),
                 f"word/{target}": part})


def _html_grid() -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in _CHUNK_GRID)
    return f"<html><body><table>{rows}</table></body></html>".encode()


def _docx_grid() -> bytes:
    rows = "".join("<w:tr>" + "".join(_tc(text) for text in row) + "</w:tr>" for row in _CHUNK_GRID)
    return _raw_docx(rows)


@pytest.mark.parametrize(("target", "part"), [("afchunk.htm", _html_grid()), ("afchunk.docx", _docx_grid())],
                         ids=["web-page", "word-document"])
def test_a_document_embedded_whole_is_read_in_its_place(target, part):
    # programs exporting HTML to Word embed the form whole (altChunk): its table is read where it stands, numbered on
    # after the body's tables before it
    layout = read_docx(_with_chunk(target, part), "x.docx")
    assert [(getattr(block, "table", None), block.texts if hasattr(block, "texts") else block.text)
            for block in layout.blocks] == [
        (None, "2024年度项目支出绩效目标表"), (1, ["单位名称", "某县公路局"]), *((2, row) for row in _CHUNK_GRID),
        (None, "填表人：张三")]
    assert layout.diagnostics == []
    (sheet,) = read_bytes(_with_chunk(target, part), "x.docx").sheets
    assert (sheet.year, sheet.name, [(i.name, i.target.raw) for i in sheet.indicators]) == (
        2024, "村级公路养护", [("养护里程", "≥42公里")])
    # an embedded document of a kind not read (a .mht) is named where it stands
    layout = read_docx(_with_chunk("afchunk.mht", b"MIME-Version: 1.0"), "x.docx")
    assert [block.text for block in layout.blocks if isinstance(block, Paragraph)] == [
        "2024年度项目支出绩效目标表", "填表人：张三"]
    assert [(d.code, d.message) for d in layout.diagnostics] == [("P178", "嵌入的文档（altChunk）无法读取")]


# -- goal sheets -----------------------------------------------------------------------------------------------
def test_the_sample_layout_as_a_word_table():
    data = docx_file("乡镇环境治理经费（西留村）绩效目标表", "434016遵化市西留村乡人民政府", "单位：万元", SAMPLE_TABLE)
    document = read_bytes(data, "sample.docx")
    (sheet,) = document.sheets
    assert document.diagnostics == []
    assert (sheet.title, sheet.code, sheet.name) == ("乡镇环境治理经费（西留村）绩效目标表", "434-4.05-JXN-4QXO", "乡镇环境治理经费")
    assert (document.unit.code, sheet.money_unit) == ("434016", "万元")
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (Decimal("18.00"), Decimal("18.00"), None)
    assert sheet.purpose == "该项目规划城乡垃圾收运处理"
    assert [(c.label, c.percent) for c in sheet.spend_plan] == [
        ("3月底", Decimal("30.00")), ("6月底", Decimal("60.00")), ("10月底", Decimal("90.00")), ("12月底", Decimal("100.00"))
    ]
    assert sheet.goals == ["改善14个村生态环境", "垃圾集中收集"]
    assert [(i.level1, i.level2, i.name) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "村人居环境整治个数"),
        ("产出指标", "质量指标", "设施正常使用率"),
        ("产出指标", "质量指标", "受益人数"),
        ("效益指标", "社会效益指标", "受益人口数"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度"),
    ]
    first = sheet.indicators[0]
    assert (first.target.operator, first.target.value, first.target.unit) == (Operator.GE, Decimal(18), "个")
    assert first.basis == "遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》"
    assert [i.row for i in sheet.indicators] == [8, 9, 10, 11, 12]


@pytest.mark.parametrize("name", ["乡镇环境治理经费", "2020年省级卫片执法补助经费支出绩效自评表"],
                         ids=["name", "name-like-a-title"])
def test_header_fields_written_as_paragraphs_above_the_grid(name):
    # a template's header block as ``label：value`` lines above the indicator table, not as its first rows; a name
    # that reads like a form's title is still the label's value
    grid = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "整治村数", "≥18个"]]
    data = docx_file("项目支出绩效目标表（2023年度）", f"项目名称：{name}", "实施单位：某某镇人民政府",
                     "年度资金总额（万元）：18.5", "年度目标：完成18个村的环境整治", grid)
    (sheet,) = read_bytes(data, "template.docx").sheets
    # (the money unit in the amount label's brackets is the sheet's, as in a grid cell 年度资金总额（万元） | 18.5)
    assert (sheet.name, sheet.budget.total, sheet.money_unit) == (name, Decimal("18.5"), "万元")
    assert sheet.goals == ["完成18个村的环境整治"]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("整治村数", "≥18个")]


def test_title_in_the_first_merged_row_of_the_table():
    table = [["2024年度乡镇维稳经费绩效目标表", LEFT, LEFT, LEFT, LEFT, LEFT, LEFT], *SAMPLE_TABLE]
    (sheet,) = read_bytes(docx_file(table), "x.docx").sheets
    assert (sheet.title, sheet.year, sheet.code) == ("2024年度乡镇维稳经费绩效目标表", 2024, "434-4.05-JXN-4QXO")
    assert len(sheet.indicators) == 5


def test_separate_operator_and_unit_columns():
    table = [
        ["项目名称", "培训经费", LEFT, LEFT, LEFT, LEFT],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "培训人次", "≥", "200", "人次"],
        [UP, "时效指标", "完成时间", "≤", "12", "月"],
    ]
    (sheet,) = read_bytes(docx_file(table), "x.docx").sheets
    trained, deadline = sheet.indicators
    assert (trained.target.operator, trained.target.value, trained.target.unit) == (Operator.GE, Decimal(200), "人次")
    assert trained.target.raw == "200"
    assert (deadline.level1, deadline.target.operator, deadline.target.unit) == ("产出指标", Operator.LE, "月")


def test_weight_and_direction_columns():
    table = [
        ["项目名称", "道路养护", LEFT, LEFT, LEFT, LEFT],
        ["一级指标", "二级指标", "三级指标", "指标值", "权重", "指标方向性"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "20", "正向"],
        ["效益指标", "社会效益指标", "事故发生率", "≤1%", "10", "反向"],
    ]
    (sheet,) = read_bytes(docx_file(table), "x.docx").sheets
    assert [(i.weight, i.direction) for i in sheet.indicators] == [
        (Decimal(20), Direction.POSITIVE), (Decimal(10), Direction.NEGATIVE)
    ]


def test_two_header_rows_with_long_term_and_annual_targets():
    table = [
        ["项目名称", "农村饮水安全", LEFT, LEFT, LEFT],
        ["一级指标", "二级指标", "三级指标", "指标值", LEFT],
        [UP, UP, UP, "中长期指标值", "年度指标值"],
        ["产出指标", "数量指标", "新建水厂", "≥10座", "≥3座"],
    ]
    (sheet,) = read_bytes(docx_file(table), "x.docx").sheets
    (plant,) = sheet.indicators
    assert plant.long_term_target.raw == "≥10座" and plant.target.raw == "≥3座"


def test_missing_description_and_basis_columns():
    table = [["项目名称", "x", LEFT, LEFT], ["一级指标", "二级指标", "三级指标", "指标值"],
             ["产出指标", "数量指标", "覆盖村数", "18个"]]
    (indicator,) = read_bytes(docx_file(table), "x.docx").sheets[0].indicators
    assert (indicator.description, indicator.basis, indicator.target.value) == (None, None, Decimal(18))


def test_full_width_labels_and_targets():
    table = [
        ["项目名称：环境整治", LEFT, LEFT, LEFT],
        ["资金支出计划（％）", "６月底", "１２月底", LEFT],
        [UP, "５０", "１００", LEFT],
        ["一级指标", "二级指标", "三级指标（指标名称）", "指标值（年度）"],
        ["产出指标", "质量指标", "达标率", "＞＝９０％"],
    ]
    (sheet,) = read_bytes(docx_file(table), "x.docx").sheets
    assert sheet.name == "环境整治"
    assert [(c.label, c.percent) for c in sheet.spend_plan] == [("６月底", Decimal(50)), ("１２月底", Decimal(100))]
    target = sheet.indicators[0].target
    assert (target.raw, target.operator, target.value, target.unit) == ("＞＝９０％", Operator.GE, Decimal(90), "%")


def test_several_tables_are_several_sheets():
    first = [["项目名称", "甲"], HEADER[:4], ["产出指标", "数量指标", "a", "1个"]]
    second = [["项目名称", "乙"], HEADER[:4], ["产出指标", "数量指标", "b", "2个"], [UP, UP, "c", "3个"]]
    document = read_bytes(docx_file("甲绩效目标表", first, "乙绩效目标表", second), "x.docx")
    assert [(s.title, s.name, len(s.indicators), s.table) for s in document.sheets] == [
        ("甲绩效目标表", "甲", 1, 1), ("乙绩效目标表", "乙", 2, 2)
    ]


def test_long_layout_in_a_word_table():
    table = [
        ["项目编码", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"],
        ["P-1", "甲项目", "10.00", "产出指标", "数量指标", "a", "≥1个"],
        ["", "", "", "", "质量指标", "b", "100%"],
        ["P-2", "乙项目", "5.00", "满意度指标", "服务对象满意度指标", "c", "≥90%"],
    ]
    document = read_bytes(docx_file(table), "x.docx")
    assert [(s.code, s.name, s.budget.total, [i.name for i in s.indicators]) for s in document.sheets] == [
        ("P-1", "甲项目", Decimal("10.00"), ["a", "b"]), ("P-2", "乙项目", Decimal("5.00"), ["c"])
    ]
    assert document.sheets[0].indicators[1].level1 == "产出指标"


def test_a_table_without_indicator_columns_gets_p101():
    document = read_bytes(docx_file([["项目名称", "甲"], ["预算数", "10"]]), "x.docx")
    assert [d.code for d in document.diagnostics] == ["P101"]
    assert document.diagnostics[0].location.table == 1


# -- damaged and foreign files ---------------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "空"),
        (docx_file([["a"]])[:2000], "损坏"),
        (_zip({"readme.txt": b"hello"}), "不是 Word"),
        (_zip({"word/document.xml": b"<w:document><w:body>"}), "XML 格式错误"),
        (docx_file("只有一段文字，没有表格"), "没有找到绩效目标表"),
    ],
    ids=["empty", "truncated-zip", "zip-not-office", "bad-xml", "no-table"],
)
def test_unreadable_files_raise_a_clear_chinese_error(data, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read_bytes(data, "坏.docx")
    assert reason in error.value.message and error.value.message.startswith("坏.docx：")


def test_missing_document_part_is_named():
    with pytest.raises(NotAGoalDocument, match="缺少正文"):
        read_docx(_zip({"word/styles.xml": b"<x/>"}), "x.docx")


_BOXED = ('<w:p><w:r><w:t>附件：</w:t></w:r><w:r><mc:AlternateContent '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing>'
          "<w:txbxContent><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p><w:tbl>{rows}</w:tbl></w:txbxContent>"
          "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>"
          "<w:tbl>{rows}</w:tbl></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")


def test_a_form_in_a_text_box_is_read_once_after_its_anchoring_paragraph():
    # (a form converted from PDF, or laid out by hand, stands in a text box that Word writes twice)
    rows = f"<w:tr>{_tc('一级指标')}{_tc('指标值')}</w:tr><w:tr>{_tc('产出指标')}{_tc('≥95%')}</w:tr>"
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"{_BOXED.format(rows=rows)}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body)
    blocks = read_docx(buffer.getvalue(), "x.docx").blocks
    assert [block.text if isinstance(block, Paragraph) else block.texts for block in blocks] == [
        "附件：", "项目支出绩效目标表", ["一级指标", "指标值"], ["产出指标", "≥95%"]]
    assert [(block.table, block.row) for block in blocks[2:]] == [(1, 1), (1, 2)]


_FIRST_PART = [["项目名称", "甲项目", LEFT, LEFT], HEADER[:3] + ["指标值"], ["产出指标", "数量指标", "整治村数", "≥18个"],
               [UP, "质量指标", "验收合格率", "100%"]]


@pytest.mark.parametrize("between", ["（续表）", "续上表", "表1（续）", "- 2 -", "第2页 共3页", None],
                         ids=["continued", "continued-above", "table-continued", "page-number", "page-of", "nothing"])
@pytest.mark.parametrize("repeated", [False, True], ids=["header-once", "header-repeated"])
def test_a_table_split_by_hand_over_two_pages_is_one_grid(between, repeated):
    # a user splits a long table at a page break into two Word tables, with or without its header again on top of
    # the second, and often a line saying it continues (or the page's number) between them: all one project's rows
    second = [["", "", "开工率", "≥90%"], ["效益指标", "社会效益指标", "受益人口", "≥5000人"]]
    blocks = [_FIRST_PART, *([between] if between else []), ([HEADER[:3] + ["指标值"]] if repeated else []) + second]
    document = read_bytes(docx_file(*blocks), "x.docx")
    (sheet,) = document.sheets
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "整治村数", "≥18个"), ("产出指标", "质量指标", "验收合格率", "100%"),
        ("产出指标", "质量指标", "开工率", "≥90%"), ("效益指标", "社会效益指标", "受益人口", "≥5000人")]
    assert (document.diagnostics, document.unaccounted) == ([], 0)



@pytest.mark.parametrize("make, name", [(docx_file, "x.docx"), (xlsx_file, "x.xlsx")], ids=["docx", "xlsx"])
def test_a_last_row_without_a_target_is_the_tables_not_a_cut(make, name):
    # a Word or Excel table is saved whole: its last row without a target is a row left unfilled, which the review
    # names (P114 said the file cut the table there, and the review then excused the row as cut)
    table = [["项目名称", "甲"], HEADER[:3] + ["指标值"], ["产出指标", "数量指标", "整治村数", "≥18个"], ["", "", "验收合格率", ""]]
    document = read_bytes(make(table), name)
    assert document.diagnostics == []
    findings = [(f.rule, f.location.table, f.location.row, f.indicator) for f in review_document(document).findings
                if f.rule == "JX107"]
    assert findings == [("JX107", 1, 4, "验收合格率")]


def test_the_rows_of_a_split_tables_second_part_are_named_by_their_table():
    # the second Word table numbers its rows from 1 again: “第2行” alone would name a row of the first part
    second = [["", "", "开工率", "≥90%"], ["效益指标", "社会效益指标", "受益人口", ""]]
    document = read_bytes(docx_file(_FIRST_PART, "（续表）", second), "x.docx")
    (sheet,) = document.sheets
    assert [(i.name, i.table, i.row) for i in sheet.indicators] == [
        ("整治村数", 1, 3), ("验收合格率", 1, 4), ("开工率", 2, 1), ("受益人口", 2, 2)]
    (empty,) = [f for f in review_document(document).findings if f.rule == "JX107"]
    assert (empty.location.table, empty.location.row, empty.indicator) == (2, 2, "受益人口")
    assert empty.location.row_words(sheet.table) == "第2个表格第2行"
    assert empty.location.describe() == "x.docx 第2个表格 项目“甲项目” 第2行 “指标值”列"


def test_a_doubt_on_a_second_parts_row_is_not_taken_for_the_first_parts():
    # the reader's word of doubt on row 1 of the second table belongs to that row, not to row 1 of the first
    sheet = GoalSheet(name="甲", table=1, indicators=[
        Indicator(name="a", row=1, table=1), Indicator(name="b", row=1, table=2)])
    doubt = Diagnostic(code="P102", severity="warning", template="x",
                       location=Location(file="x.docx", table=2, sheet="甲", row=1))
    rows = doubtful_rows(sheet, [doubt])
    assert [i.name for i in sheet.indicators if id(i) in rows] == ["b"]


def test_hidden_text_in_a_form_in_a_text_box_is_named_once():
    # (Word writes the box twice, its fallback copy unread: the note in it is not a second diagnostic)
    note = _HIDDEN.format(text="（填写说明）")
    rows = (f"<w:tr>{_tc('一级指标')}{_tc('指标值')}</w:tr>"
            f"<w:tr>{_tc('产出指标')}<w:tc><w:p><w:r><w:t>≥95%</w:t></w:r>{note}</w:p></w:tc></w:tr>")
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"{_BOXED.format(rows=rows)}</w:body></w:document>")
    layout = read_docx(_zip({"word/document.xml": body.encode()}), "x.docx")
    assert [block.texts for block in layout.blocks if not isinstance(block, Paragraph)] == [
        ["一级指标", "指标值"], ["产出指标", "≥95%"]]
    assert [(d.code, d.location.table, d.location.row) for d in layout.diagnostics] == [("P179", 1, 2)]


def test_rows_parted_from_their_grid_by_a_note_are_named_not_lost():
    # a note between the two parts of a split table ends the grid (it could be the table's last word): the rows
    # after it stand under no header, so they are not guessed into indicators, but each is named with its cells
    second = [["", "", "开工率", "≥90%"], ["效益指标", "社会效益指标", "受益人口", "≥5000人"], ["审核意见", "同意", "", ""]]
    document = read_bytes(docx_file(_FIRST_PART, "注：本表由项目单位填报。", second), "x.docx")
    assert [i.name for i in document.sheets[0].indicators] == ["整治村数", "验收合格率"]
    assert [(d.code, d.location.table, d.location.row, d.set_aside) for d in document.diagnostics] == [
        ("P176", 2, 1, ("开工率", "≥90%")), ("P176", 2, 2, ("效益指标", "社会效益指标", "受益人口", "≥5000人"))]
    assert document.diagnostics[1].message == "指标表之后的一行像是指标，但已在表格之外，未读作指标：效益指标｜社会效益指标｜受益人口｜≥5000人"


def _deleted_tc(text: str) -> str:
    # a cell of a row deleted with changes tracked, as Word writes it: its paragraph mark and its runs deleted
    stamp = 'w:id="{n}" w:author="张三" w:date="2024-03-01T10:00:00Z"'
    return (f'<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:rPr><w:del {stamp.format(n=1)}/>'
            f'</w:rPr></w:pPr><w:del {stamp.format(n=2)}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
            f"<w:delText>{text}</w:delText></w:r></w:del></w:p></w:tc>")


_ROW_DELETED = '<w:trPr><w:del w:id="9" w:author="张三" w:date="2024-03-01T10:00:00Z"/></w:trPr>'
_HEADER_TEXTS = ["一级指标", "二级指标", "三级指标", "指标值"]
_KEPT_TEXTS = ["产出指标", "数量指标", "整治村数", "≥18个"]
_DELETED_TEXTS = ["产出指标", "质量指标", "旧指标", "100%"]


def _cells(texts: list[str], cell=_tc) -> str:
    return "".join(cell(text) for text in texts)


@pytest.mark.parametrize("marked", [True, False], ids=["row-marked-deleted", "every-run-deleted"])
def test_a_row_deleted_with_changes_tracked_is_not_read(marked):
    # Word shows neither row once the changes are accepted: not a row of empty cells parting the grid, nor an indicator
    after = _cells(["效益指标", "社会效益指标", "受益人口", "≥5000人"])
    rows = (f"<w:tr>{_tc('项目名称')}{_tc('甲项目')}</w:tr><w:tr>{_cells(_HEADER_TEXTS)}</w:tr>"
            f"<w:tr>{_cells(_KEPT_TEXTS)}</w:tr><w:tr>{_ROW_DELETED if marked else ''}"
            f"{_cells(_DELETED_TEXTS, _deleted_tc)}</w:tr><w:tr>{after}</w:tr>")
    layout = read_docx(_raw_docx(rows), "x.docx")
    assert [(row.row, row.texts) for row in layout.blocks][2:] == [
        (3, ["产出指标", "数量指标", "整治村数", "≥18个"]), (4, ["效益指标", "社会效益指标", "受益人口", "≥5000人"])]
    (deleted_row,) = layout.diagnostics
    # (at the row it stands in with the changes shown, the fourth of the file's)
    assert (deleted_row.code, deleted_row.location.table, deleted_row.location.row, deleted_row.set_aside) == (
        "P171", 1, 4, ("产出指标", "质量指标", "旧指标", "100%"))
    assert deleted_row.message == "修订记录中已删除的行未读取：产出指标｜质量指标｜旧指标｜100%"
    document = read_bytes(_raw_docx(rows), "x.docx")
    assert [(i.name, i.target.raw, i.row) for i in document.sheets[0].indicators] == [
        ("整治村数", "≥18个", 3), ("受益人口", "≥5000人", 4)]


def test_rows_deleted_with_changes_tracked_are_said_at_their_rows_in_their_tables():
    # two deleted rows in a second table: each at its own row, counted before either was taken out
    second = _cells(["效益指标", "社会效益指标", "旧效益", "≥90%"], _deleted_tc)
    rows = (f"<w:tr>{_tc('项目名称')}{_tc('甲项目')}</w:tr></w:tbl><w:tbl><w:tr>{_cells(_HEADER_TEXTS)}</w:tr>"
            f"<w:tr>{_ROW_DELETED}{_cells(_DELETED_TEXTS, _deleted_tc)}</w:tr><w:tr>{_cells(_KEPT_TEXTS)}</w:tr>"
            f"<w:tr>{second}</w:tr>")
    layout = read_docx(_raw_docx(rows), "x.docx")
    assert [(d.code, d.location.table, d.location.row, d.set_aside[2]) for d in layout.diagnostics] == [
        ("P171", 2, 2, "旧指标"), ("P171", 2, 4, "旧效益")]


def test_a_row_keeping_some_text_keeps_it_and_loses_its_deleted_words():
    cells = _tc("整治村数") + "<w:tc><w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>≥14个</w:delText></w:r></w:del>" \
        "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>≥18个</w:t></w:r></w:ins></w:p></w:tc>"
    layout = read_docx(_raw_docx(f"<w:tr>{cells}</w:tr>"), "x.docx")
    assert [row.texts for row in layout.blocks] == [["整治村数", "≥18个"]]
    assert layout.diagnostics == []


def _project_form(name: str, total: str, goal: str) -> list[list]:
    """A 项目支出绩效目标表 whose header block sits in the grid's first rows, its indicators a Word form's."""
    return [["项目名称", name, LEFT, LEFT], ["年度资金总额", total, LEFT, LEFT], ["年度目标", goal, LEFT, LEFT],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "设备运行正常", "≥95%"],
            [UP, "质量指标", "数据可用率", "≥95%"],
            ["满意度指标", "服务对象满意度指标", "用户满意度", "≥90%"]]


def test_a_form_whose_project_name_is_blank_is_a_sheet_of_its_own():
    # the second form (its 项目名称 left blank, its own money and goals above its grid) sets some of the first one's
    # indicators again: the next project all the same, not a report's paragraphs restating the first
    document = read_bytes(docx_file("项目支出绩效目标表", _project_form("履职经费", "1715.97", "保障监测系统运行"),
                                    "项目支出绩效目标表", _project_form("", "1493.51", "认真履职，各项业务平稳运行")),
                          "forms.docx")
    assert [(sheet.name, sheet.budget.total, sheet.goals, len(sheet.indicators)) for sheet in document.sheets] == [
        ("履职经费", Decimal("1715.97"), ["保障监测系统运行"], 3),
        (None, Decimal("1493.51"), ["认真履职，各项业务平稳运行"], 3)]

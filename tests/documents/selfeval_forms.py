"""A made-up self-evaluation form (财预〔2020〕10号's 项目支出绩效自评表) whose parts a test rewrites into another family's
shape, written in the text layouts copies give it, and read: for the reader's tests and the audit's."""

from __future__ import annotations

from decimal import Decimal

import opencc

from jixiao.documents.pipeline import read_text

MONEY = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", "100", "120", "110", "10", "91.67%", "9.17"]]
GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "新建道路长度", "≥10公里", "12公里", "30", "30", ""],
        ["", "质量指标", "验收合格率", "100%", "98%", "20", "18", "个别路段返工"],
        ["效益指标", "社会效益指标", "受益群众人数", "≥5000人", "5200人", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""]]
TOTAL = ["总分", "", "", "", "", "100", "97.17", ""]
# each row's 实际完成值, 分值 and 得分 as read; the money table's 年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分
ITEMS = [("12公里", 30, 30), ("98%", 20, 18), ("5200人", 30, 30), ("95%", 10, 10)]
MONEY_READ = (Decimal(100), Decimal(120), Decimal(110), Decimal("91.67"), Decimal(10), Decimal("9.17"))
LAYOUTS = ["pipes", "tabs", "spaces", "one cell a line"]


def form(money: list[list[str]] | None = None, grid: list[list[str]] | None = None, total: list[str] | None = TOTAL,
         after: list[list[str]] = (), block: list[list[str]] = ()) -> list[list[str]]:
    """The form's rows: ``money`` (headings and figures), ``grid`` (header and rows) and ``total`` in place of the
    standard ones, ``block`` rows in its header block, ``after`` rows below its grid."""
    return [["项目支出绩效自评表"], ["（2022年度）"], ["项目名称", "乡村道路建设"], ["主管部门", "某县交通局", "实施单位", "某县公路所"],
            *block, *(money or MONEY), ["其中：当年财政拨款", "100", "120", "110", "—", "91.67%", "—"],
            ["年度总体目标", "预期目标", "实际完成情况"], ["", "完成乡村道路建设", "已完成"], *(grid or GRID),
            *([total] if total else []), *after]


def text(rows: list[list[str]], layout: str) -> str:
    """The rows as ``layout`` writes them (one of ``LAYOUTS``): pipes and TABs keep empty cells, runs of spaces and
    one cell a line lose them."""
    if layout == "pipes":
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)
    if layout == "tabs":
        return "\n".join("\t".join(row) for row in rows)
    separator = "    " if layout == "spaces" else "\n"
    return "\n".join(separator.join(cell for cell in row if cell) for row in rows)


def read_form(rows: list[list[str]], layout: str):
    """The first sheet jixiao reads of the rows written in ``layout``."""
    return read_text(text(rows, layout).encode(), "case.txt")[0].sheets[0]


def traditional(rows: list[list[str]]) -> list[list[str]]:
    """The rows in Traditional characters, as a converter site copies a form."""
    convert = opencc.OpenCC("s2t").convert
    return [[convert(cell) for cell in row] for row in rows]

"""The bureau's audits of a year as .xlsx: one row per audited document, then every finding (its confidence in a
column of its own, 可信度: a message never says its doubt).

Every cell that holds user text is written as text: a cell starting with = + - @ would otherwise be taken for a
formula by a spreadsheet program (CSV/formula injection).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence

from openpyxl import Workbook

from jixiao.model.finding import Finding
from jixiao.model.office_text import xml_safe
from jixiao.web.audits.models import AuditedDocument

__all__ = ["audits_xlsx"]

_DOCUMENTS = ("单位编码", "单位", "项目编码", "项目", "文件", "类型", "评分方案", "自评总分", "复算总分", "差额", "自评等级",
              "复算等级", "错误", "警告", "对应批复的目标表", "复算总分说明")
_FINDINGS = ("单位", "项目", "文件", "规则", "严重程度", "指标", "行", "说明", "可信度", "修改建议", "依据")


def _row(sheet, values: Iterable[object]) -> None:
    sheet.append([None if value is None else value for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.value = xml_safe(cell.value)
            cell.data_type = "s"  # never a formula, whatever the text starts with


def audits_xlsx(documents: Sequence[AuditedDocument], progress: Callable[[int, int], None] | None = None) -> bytes:
    """The workbook: 复核汇总 (one row per document) and 复核发现 (one row per finding); ``progress(done, total)``
    after each document."""
    book = Workbook()
    summary = book.active
    summary.title = "复核汇总"
    found = book.create_sheet("复核发现")
    _row(summary, _DOCUMENTS)
    _row(found, _FINDINGS)
    for done, document in enumerate(documents, start=1):
        _row(summary, (document.unit.code, document.unit.name, document.project_code, document.project_name,
                       document.source, document.get_kind_display(), document.profile_label,
                       _number(document.claimed_total), _number(document.expected_total), _number(document.gap),
                       document.printed_grade, document.expected_grade, document.error_count, document.warning_count,
                       "是" if document.sheet_id else "否", document.total_explained or None))
        for data in document.findings:
            finding = Finding.model_validate(data)
            _row(found, (document.unit.name, document.project_name, document.source, finding.rule,
                         finding.severity.label, finding.indicator, finding.location.row, finding.message,
                         finding.confidence.label, finding.fix.summary if finding.fix else None, finding.source))
        if progress:
            progress(done, len(documents))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _number(value) -> float | None:
    return None if value is None else float(value)

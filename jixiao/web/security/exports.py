"""The security audit log as a file: .xlsx (every cell a string cell) or CSV (formula-looking cells quote-prefixed),
so that text an attacker chose (a login name, an address) never runs as a formula in a spreadsheet program."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook

from jixiao.model.office_text import csv_text, xml_safe
from jixiao.web.security.models import AuditEvent

__all__ = ["COLUMNS", "audit_file"]

COLUMNS = ["时间", "登录名", "地址", "事件", "结果", "对象类型", "对象编号", "对象", "详情"]


def _row(event: AuditEvent) -> list[str]:
    return [timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"), event.username, event.ip or "",
            event.action_label, event.get_result_display(), event.object_type, event.object_id, event.object_repr,
            json.dumps(event.details, ensure_ascii=False, sort_keys=True) if event.details else ""]


def audit_file(events: QuerySet[AuditEvent], fmt: str, progress: Callable[[int, int], None]) -> bytes:
    """``events`` (their count already known to be bounded) as ``fmt`` ("xlsx" or "csv"); ``progress(done,
    total)`` after each event."""
    total = events.count()
    rows = []
    for done, event in enumerate(events.iterator(chunk_size=2000), 1):
        rows.append(_row(event))
        progress(done, total)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows([csv_text(value) for value in row] for row in rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8
    book = Workbook()
    sheet = book.active
    sheet.title = "审计日志"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([xml_safe(value) for value in row])
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # user text stays text, even when it starts with "="
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

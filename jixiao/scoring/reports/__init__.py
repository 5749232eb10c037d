"""Writers of the 自评表 and the 运行监控表 to .docx and .xlsx, in the usual official layout."""

from __future__ import annotations

from jixiao.scoring.monitoring import MonitoringResult
from jixiao.scoring.reports.grid import Grid
from jixiao.scoring.reports.monitoring_table import monitoring_grid
from jixiao.scoring.reports.self_evaluation_table import self_evaluation_grid
from jixiao.scoring.scores import SheetScore

__all__ = ["REPORT_FORMATS", "write_self_evaluation", "write_monitoring"]

REPORT_FORMATS = ("docx", "xlsx")


def _render(grid: Grid, file_format: str) -> bytes:
    if file_format not in REPORT_FORMATS:
        raise ValueError(f"不支持的报表格式“{file_format}”，可选：{'、'.join(REPORT_FORMATS)}")
    # the renderers import python-docx and openpyxl, which take a noticeable time to import: only when a report
    # is written, not for every command that scores
    from jixiao.scoring.reports.render import to_docx, to_xlsx

    return (to_docx if file_format == "docx" else to_xlsx)(grid)


def write_self_evaluation(score: SheetScore, file_format: str) -> bytes:
    """The 项目支出绩效自评表 of ``score`` as .docx or .xlsx bytes."""
    return _render(self_evaluation_grid(score), file_format)


def write_monitoring(result: MonitoringResult, file_format: str) -> bytes:
    """The 项目支出绩效目标执行监控表 of ``result`` as .docx or .xlsx bytes."""
    return _render(monitoring_grid(result), file_format)

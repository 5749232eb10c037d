"""The sheets API: list, read, create, update, delete, import, check, export and workflow transitions.

Same selectors and services as the pages, so the same permissions.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import BaseModel, ConfigDict, Field

from jixiao.model import Checkpoint, GoalSheet, MoneyUnit, Period
from jixiao.model.amounts import amount
from jixiao.web.bounds import Finite, Text, Version, Year
from jixiao.web.downloads import attachment
from jixiao.web.organisation.models import Unit
from jixiao.web.organisation.selectors import member_get, units_visible
from jixiao.web.sheets.conversion import goal_sheet, plan_cells
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.periods import period_fields
from jixiao.web.sheets.selectors import SheetFilters, sheet_get, sheet_rows
from jixiao.web.sheets.services.exports import export_sheets
from jixiao.web.sheets.services.findings import findings_of
from jixiao.web.sheets.services.imports import read_uploads, sheets_import
from jixiao.web.sheets.services.review import current_fingerprint
from jixiao.web.sheets.services.sheets import sheet_create, sheet_delete, sheet_update
from jixiao.web.sheets.services.workflow import sheet_transition
from jixiao.web.sheets.sources import source_cells
from jixiao.web.uploads import upload_bytes

router = Router(tags=["绩效目标表"])


# A plain pydantic model, validated from the dict _out gives: ninja's Schema would read every field of every item
# of a list through its attribute wrapper, a third of the list's time. (No docstring: it would show in OpenAPI.)
class SheetOut(BaseModel):
    id: int
    unit_code: str
    unit_name: str
    year: int
    code: str
    name: str
    status: str
    status_label: str
    version: int
    budget_total: Decimal | None
    suggested_grade: str
    grade: str
    errors: int
    warnings: int


class FindingOut(Schema):
    """A finding exactly as ``jixiao check --format json`` writes it (the engine's ``Finding.contract()``).

    ``message`` is ``template`` with its slots filled by ``params`` (each one cell text, name or figure as shown), for
    a client that renders its own. A reader's note (JX001) carries the reader diagnostic's template and parameters
    spliced into its own (``{message}（读取代码 {diagnostic}）``, the note's slots named ``message_…``)."""

    rule: str
    severity: str
    dimension: str
    source: str
    sheet: str | None
    indicator: str | None
    message: str
    fix: dict | None
    name: str
    confidence: str
    location: dict
    template: str
    params: dict[str, str]


class SheetDetail(SheetOut):
    content: GoalSheet
    findings: list[FindingOut]
    # The rule set the stored findings and suggested grade were made by, and whether it is the current one (an
    # approved sheet keeps the review its reviewer signed after the rules change).
    review_rules: str
    review_current: bool


class SheetIn(Schema):
    unit_code: Text(32)
    year: Year
    content: GoalSheet


class IndicatorCells(Schema):
    """One indicator row by its cells as written; ``unit_column``, ``operator_column`` and ``extra`` (the form's
    other columns' cells, by heading) left out or null keep the stored row's at that position."""

    level1: str = ""
    level2: str = ""
    name: str = ""
    description: str = ""
    target: str = ""
    long_term_target: str = ""
    weight: str = ""
    direction: str = ""
    basis: str = ""
    unit_column: str | None = None
    operator_column: str | None = None
    extra: dict[str, str] | None = None


class SheetFields(Schema):
    """The header fields a PATCH may change; their lengths and digits are the database's, checked by the service."""

    model_config = ConfigDict(extra="forbid")

    code: str | None = None
    name: str | None = None
    title: str | None = None
    money_unit: MoneyUnit | None = None
    budget_total: Finite | None = None
    budget_fiscal: Finite | None = None
    budget_other: Finite | None = None
    # the core's Budget.sources (label → amount, in the form's order); given, they replace the stored ones
    budget_sources: dict[str, Finite] | None = None
    # the core's GoalSheet.period (项目期 / 实施期, its years, 中期资金总额 and its parts), as the detail's content shows
    # it; given, it replaces the stored span (null: the sheet states none); an end year before the start is refused
    period: Period | None = None
    purpose: str | None = None
    spend_plan: list[Checkpoint] | None = None
    goals: list[str] | None = None
    long_term_goals: list[str] | None = None


class SheetPatch(Schema):
    version: Version
    fields: SheetFields = SheetFields()
    indicators: list[IndicatorCells] | None = None


class TransitionIn(Schema):
    reason: Text(10_000) = ""
    grade: Text(2) = ""


class ListQuery(Schema):
    year: Year | None = None
    unit: Text(32) | None = None
    status: Text(10) = ""
    q: Text(200) = ""
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0, le=10**9)


class CheckedSheet(Schema):
    file: str
    sheet: str | None
    grade: str
    findings: list[FindingOut]


class CheckedFile(Schema):
    file: str
    error: str
    sheets: list[CheckedSheet]


def _out(sheet: Sheet) -> dict:
    return {"id": sheet.pk, "unit_code": sheet.unit.code, "unit_name": sheet.unit.name, "year": sheet.year,
            "code": sheet.code, "name": sheet.name, "status": sheet.status,
            "status_label": sheet.get_status_display(), "version": sheet.version, "budget_total": amount(sheet.budget_total),
            "suggested_grade": sheet.suggested_grade, "grade": sheet.grade, "errors": sheet.error_count,
            "warnings": sheet.warning_count}


def _detail(sheet: Sheet) -> dict:
    return {**_out(sheet), "content": goal_sheet(sheet), "findings": [f.contract() for f in findings_of(sheet)],
            "review_rules": sheet.review_fingerprint, "review_current": sheet.review_fingerprint == current_fingerprint()}


@router.get("/", response=list[SheetOut], summary="列出可见的表")
def list_sheets(request, query: Query[ListQuery]):
    member = member_get(request.user)
    unit = query.unit
    unit_id = units_visible(member).filter(code=unit).values_list("pk", flat=True).first() if unit else None
    if unit and unit_id is None:
        return []
    sheets = sheet_rows(member, SheetFilters(year=query.year, unit_id=unit_id, status=query.status,
                                             search=query.q.strip()))
    return [_out(s) for s in sheets[query.offset:query.offset + query.limit]]


@router.get("/{id:sheet_id}", response=SheetDetail, summary="读取一张表（内容与审核发现）")
def read_sheet(request, sheet_id: int):
    return _detail(sheet_get(member_get(request.user), sheet_id))


@router.post("/", response={201: SheetDetail}, summary="新建一张表")
def create_sheet(request, payload: SheetIn):
    unit = units_visible(member_get(request.user)).filter(code=payload.unit_code).first()
    if unit is None:
        raise Http404("没有找到该单位")
    sheet = sheet_create(user=request.user, unit=unit, year=payload.year, content=payload.content, source="API")
    return Status(201, _detail(sheet))


@router.patch("/{id:sheet_id}", response=SheetDetail, summary="修改一张表（须带上打开时的版本号）")
def update_sheet(request, sheet_id: int, payload: SheetPatch):
    sheet_get(member_get(request.user), sheet_id)
    fields = payload.fields.model_dump(exclude_unset=True)
    if "spend_plan" in fields:
        fields["spend_plan"] = plan_cells(payload.fields.spend_plan or [])
    if "budget_sources" in fields:
        fields["budget_sources"] = source_cells(payload.fields.budget_sources or {})
    if "period" in fields:
        del fields["period"]
        fields.update(period_fields(payload.fields.period))
    indicators = [row.dict() for row in payload.indicators] if payload.indicators is not None else None
    sheet = sheet_update(user=request.user, sheet_id=sheet_id, expected_version=payload.version, fields=fields,
                         indicators=indicators)
    return _detail(sheet)


@router.delete("/{id:sheet_id}", response={204: None}, summary="删除一张表（可恢复）")
def delete_sheet(request, sheet_id: int):
    sheet_get(member_get(request.user), sheet_id)
    sheet_delete(user=request.user, sheet_id=sheet_id)
    return Status(204, None)


@router.post("/{id:sheet_id}/transitions/{name}", response=SheetOut,
             summary="流程操作：submit 提交、return 退回、approve 批复、adjust 调整")
def transition(request, sheet_id: int, name: str, payload: TransitionIn):
    sheet_get(member_get(request.user), sheet_id)
    return _out(sheet_transition(user=request.user, sheet_id=sheet_id, name=name, reason=payload.reason,
                                 grade=payload.grade))


@router.get("/{id:sheet_id}/export/{fmt}", summary="导出为 docx、xlsx 或 json", response={200: None})
def export(request, sheet_id: int, fmt: str):
    sheet = sheet_get(member_get(request.user), sheet_id)
    data = export_sheets([sheet], fmt)
    return attachment(data, sheet.name or sheet.code, fmt, fallback=f"sheet-{sheet.pk}")


@router.post("/import", response={201: list[SheetOut]}, summary="导入文件（全部成功或全部不导入）")
def import_files(request, unit_code: Form[Text(32)], year: Form[Year], files: File[list[UploadedFile]],
                 accept_year: Form[bool] = False, accept_unit: Form[bool] = False):
    unit = units_visible(member_get(request.user)).filter(code=unit_code).first() or Unit(pk=0)
    sheets = sheets_import(user=request.user, unit=unit, year=year, files=[(f.name, upload_bytes(f)) for f in files],
                           accept_year=accept_year, accept_unit=accept_unit)
    return Status(201, [_out(s) for s in sheets])


@router.post("/check", response=list[CheckedFile], summary="审核文件（不保存）")
def check_files(request, files: File[list[UploadedFile]]):
    result = []
    for item in read_uploads([(f.name, upload_bytes(f)) for f in files]):
        result.append({"file": item.name, "error": item.error, "sheets": [
            {"file": item.name, "sheet": o.sheet, "grade": o.grade, "findings": [f.contract() for f in o.findings]} for o in item.outcomes
        ]})
    return result

"""Open data for a bureau's year: the JSON interchange format, long-format CSV and a Frictionless Data Package.

The CSV files hold exactly what the pages show (the published, masked snapshots). Their columns are described
once, in ``PROJECT_FIELDS`` and ``INDICATOR_FIELDS``, from which both the files and ``datapackage.json`` are made.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from jixiao.model import Collection, Document, OverallGoals
from jixiao.model import Unit as UnitModel
from jixiao.model.office_text import csv_text
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.models import Publication
from jixiao.web.sheets.conversion import content_of

__all__ = ["INDICATOR_FIELDS", "PROJECT_FIELDS", "collection_of", "datapackage", "indicators_csv", "projects_csv"]

# (name, Frictionless type, Chinese title)
PROJECT_FIELDS = (
    ("publication_id", "integer", "公开编号"),
    ("bureau_code", "string", "财政局编码"),
    ("year", "integer", "年度"),
    ("unit_code", "string", "单位编码"),
    ("unit_name", "string", "单位名称"),
    ("project_code", "string", "项目编码"),
    ("project_name", "string", "项目名称"),
    ("version", "integer", "公开版本"),
    ("published_at", "datetime", "公开时间"),
    ("adjustment_reason", "string", "调整原因"),
    ("review_grade", "string", "审核等级"),
    ("money_unit", "string", "金额单位"),
    ("budget_total", "number", "预算数"),
    ("indicator_count", "integer", "指标数"),
    ("evaluation_total", "number", "自评得分"),
    ("evaluation_grade", "string", "自评等级"),
    ("execution_rate", "number", "预算执行率（%）"),
    ("targets_met", "integer", "达到目标的指标数"),
)
INDICATOR_FIELDS = (
    ("publication_id", "integer", "公开编号"),
    ("year", "integer", "年度"),
    ("unit_code", "string", "单位编码"),
    ("unit_name", "string", "单位名称"),
    ("project_code", "string", "项目编码"),
    ("project_name", "string", "项目名称"),
    ("position", "integer", "序号"),
    ("level1", "string", "一级指标"),
    ("level2", "string", "二级指标"),
    ("indicator", "string", "三级指标"),
    ("operator", "string", "运算符"),
    ("target_value", "number", "指标值"),
    ("target_max", "number", "指标值上限"),
    ("measure_unit", "string", "度量单位"),
    ("target_text", "string", "指标值原文"),
    ("weight", "number", "权重（表中所填，公开即有）"),
    ("evaluation_weight", "number", "自评分值（自评结果公开后才有）"),
    ("actual", "string", "实际完成值"),
    ("score", "number", "得分"),
)

def _text(value: str | None) -> str:
    return csv_text(value or "")


def _number(value: object) -> str:
    return "" if value is None else f"{Decimal(str(value)).normalize():f}"


def _csv(fields: tuple, rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(name for name, _, _ in fields)
    for row in rows:
        writer.writerow(_number(row.get(name)) if kind == "number" else
                        (_text(row.get(name)) if kind == "string" else ("" if row.get(name) is None else row[name]))
                        for name, kind, _ in fields)
    return buffer.getvalue()


def _project_row(publication: Publication) -> dict:
    content = content_of(publication.body.content)
    evaluation = publication.body.evaluation or {}
    return {
        "publication_id": publication.pk, "bureau_code": publication.bureau.code, "year": publication.year,
        "unit_code": publication.unit.code, "unit_name": publication.unit.name, "project_code": publication.code,
        "project_name": publication.name, "version": publication.number,
        "published_at": timezone.localtime(publication.published_at).replace(microsecond=0).isoformat(),
        "adjustment_reason": publication.reason, "review_grade": publication.grade,
        "money_unit": content.money_unit.value if content.money_unit else "", "budget_total": content.budget.total,
        "indicator_count": publication.indicator_count, "evaluation_total": publication.score,
        "evaluation_grade": publication.score_grade, "execution_rate": evaluation.get("execution_rate"),
        "targets_met": publication.targets_met,
    }


def _indicator_rows(publication: Publication) -> Iterable[dict]:
    content = content_of(publication.body.content)
    scored = {i["indicator"]: i for i in (publication.body.evaluation or {}).get("items", []) if i.get("indicator")}
    for position, indicator in enumerate(content.indicators, start=1):
        target, result = indicator.target, scored.get(position, {})
        yield {
            "publication_id": publication.pk, "year": publication.year, "unit_code": publication.unit.code,
            "unit_name": publication.unit.name, "project_code": publication.code, "project_name": publication.name,
            "position": position, "level1": indicator.level1 or indicator.level1_raw,
            "level2": indicator.level2 or indicator.level2_raw, "indicator": indicator.name,
            "operator": target.operator.value if target.operator else "", "target_value": target.value,
            "target_max": target.value_max, "measure_unit": target.unit or "", "target_text": target.raw,
            # The table's 权重 as its page shows it, whatever else is published; the 分值 only with the result
            "weight": indicator.weight, "evaluation_weight": result.get("weight"), "actual": result.get("actual"),
            "score": result.get("score"),
        }


def projects_csv(publications: Iterable[Publication]) -> str:
    """One row per published table (UTF-8 text with a header row)."""
    return _csv(PROJECT_FIELDS, (_project_row(p) for p in publications))


def indicators_csv(publications: Iterable[Publication]) -> str:
    """One row per indicator of every published table: the long format."""
    return _csv(INDICATOR_FIELDS, (row for p in publications for row in _indicator_rows(p)))


def collection_of(publications: Iterable[Publication]) -> Collection:
    """The published tables in jixiao's interchange format: one Document per unit, with its 部门整体 goals."""
    documents: dict[int, Document] = {}
    for publication in publications:
        document = documents.get(publication.unit_id)
        if document is None:
            document = documents[publication.unit_id] = Document(
                source=f"{publication.unit.code}-{publication.year}", format="json",
                unit=UnitModel(code=publication.unit.code, name=publication.unit.name),
                overall=OverallGoals(**publication.body.overall) if publication.body.overall else None)
        document.sheets.append(content_of(publication.body.content))
    return Collection(documents=list(documents.values()))


def datapackage(bureau: Unit, year: int) -> dict:
    """``datapackage.json`` describing projects.csv and indicators.csv (Frictionless Data Package v1)."""
    def schema(fields, **extra):
        return {"fields": [{"name": n, "type": t, "title": title} for n, t, title in fields], **extra}

    csv_resource = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                    "dialect": {"delimiter": ",", "header": True}}
    return {
        "name": f"jixiao-{bureau.code}-{year}".lower().replace("_", "-"),
        "title": f"{bureau.name} {year}年度预算绩效目标与自评结果",
        "description": "经财政部门批复并公开的项目绩效目标表（已隐去个人信息）及公开的绩效自评结果。",
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "resources": [
            {"name": "projects", "path": "projects.csv", "title": "公开的项目绩效目标表", **csv_resource,
             "schema": schema(PROJECT_FIELDS, primaryKey=["publication_id"])},
            {"name": "indicators", "path": "indicators.csv", "title": "绩效指标（每行一个指标）", **csv_resource,
             "schema": schema(INDICATOR_FIELDS, foreignKeys=[{
                 "fields": ["publication_id"], "reference": {"resource": "projects", "fields": ["publication_id"]}}])},
        ],
    }

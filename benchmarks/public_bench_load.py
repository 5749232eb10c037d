"""Loading the public-site benchmark's data (run by benchmarks.public_bench in a fresh process).

    python -m benchmarks.public_bench_load TABLES

Migrates, creates one bureau with 100 townships, and stores TABLES approved sheets with a publication each
(ten indicators per table; half of them with a published self-evaluation), in bulk, then each township's stored
figures of the year as publishing keeps them: the benchmark measures the public pages, not publishing.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal

import django

UNITS = 100
YEAR = 2025


def load(count: int) -> None:
    """Store ``count`` published tables spread over the townships."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from benchmarks.synth import generate_sheet
    from jixiao.model import Unit as ModelUnit
    from jixiao.web.organisation.services import unit_create
    from jixiao.web.publication.models import Publication, PublicationContent, SearchEntry
    from jixiao.web.publication.search import search_entry
    from jixiao.web.publication.services import published_year_refresh
    from jixiao.web.sheets.conversion import sheet_fields
    from jixiao.web.sheets.models import Sheet, Status

    call_command("migrate", interactive=False, verbosity=0)
    bureau = unit_create(code="B0", name="基准测试财政局")
    units = [unit_create(code=f"U{n:03d}", name=f"第{n}乡人民政府", parent=bureau) for n in range(UNITS)]
    rng = random.Random(2026)
    now = timezone.now()
    for start in range(0, count, 500):
        with transaction.atomic():
            contents, sheets = [], []
            for index in range(start, min(start + 500, count)):
                unit = units[index % UNITS]
                content = generate_sheet(rng, index, ModelUnit(code=unit.code, name=unit.name), indicators_per_sheet=10)
                contents.append(content.model_copy(update={"year": YEAR}))
                sheets.append(Sheet(unit=unit, year=YEAR, status=Status.APPROVED, source="benchmark",
                                    **sheet_fields(content)))
            Sheet.objects.bulk_create(sheets)
            publications, bodies = [], []
            for sheet, content in zip(sheets, contents):
                scored = rng.random() < 0.5
                total = Decimal(rng.randint(6000, 9900)) / 100 if scored else None
                grade = ("优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差") if scored else ""
                evaluation = {"total": str(total), "grade": grade, "execution_rate": "96.50", "items": [
                    {"indicator": n, "level1": i.level1, "name": i.name, "target": i.target.raw, "actual": i.target.raw,
                     "weight": "8", "score": "8", "full_marks": True, "not_applicable": False}
                    for n, i in enumerate(content.indicators, 1)]} if scored else None
                publications.append(Publication(
                    sheet=sheet, bureau=bureau, unit=sheet.unit, year=YEAR, number=1, code=content.code or "",
                    name=content.name or "", approved_version=1, approved_at=now, grade="良",
                    budget_total=content.budget.total, indicator_count=len(content.indicators), score=total,
                    score_grade=grade, targets_met=len(content.indicators) if scored else None,
                    targets_scored=len(content.indicators) if scored else None))
                bodies.append({"content": content.model_dump(mode="json"), "evaluation": evaluation})
            Publication.objects.bulk_create(publications)
            PublicationContent.objects.bulk_create(PublicationContent(publication=publication, **body)
                                                   for publication, body in zip(publications, bodies))
            SearchEntry.objects.bulk_create(search_entry(publication, publication.unit, content)
                                            for publication, content in zip(publications, contents))
    with transaction.atomic():
        for unit in units:  # the stored figures, as publishing keeps them
            published_year_refresh(unit.pk, YEAR)


if __name__ == "__main__":
    django.setup()
    load(int(sys.argv[1]))

"""Loading the web benchmark's data (run by benchmarks.web_bench in a fresh process per database).

    python -m benchmarks.web_bench_load SHEETS

Migrates, creates one bureau with 100 townships and a reviewer, and stores SHEETS synthetic sheets (ten
indicators each) with the review engine's findings, in bulk: the benchmark measures reading, not importing.
"""

from __future__ import annotations

import random
import sys

import django


def load(count: int) -> None:
    """Store ``count`` sheets spread over the townships."""
    from django.core.management import call_command
    from django.db import transaction

    from benchmarks.synth import generate_sheet
    from benchmarks.web_bench import PASSWORD, UNITS, YEAR
    from jixiao.model import Unit as ModelUnit
    from jixiao.web.organisation.models import Role
    from jixiao.web.organisation.services import member_create, unit_create
    from jixiao.web.sheets.conversion import indicator_cells, sheet_fields
    from jixiao.web.sheets.models import FindingRecord, IndicatorRow, Sheet
    from jixiao.web.sheets.services.review import check_sheet

    call_command("migrate", interactive=False, verbosity=0)
    bureau = unit_create(code="B0", name="基准测试财政局")
    units = [unit_create(code=f"U{n:03d}", name=f"第{n}乡人民政府", parent=bureau) for n in range(UNITS)]
    member_create(username="reviewer", password=PASSWORD, unit=bureau, role=Role.REVIEWER)
    rng = random.Random(2026)
    batch = 500
    for start in range(0, count, batch):
        with transaction.atomic():
            contents, sheets = [], []
            for index in range(start, min(start + batch, count)):
                unit = units[index % UNITS]
                content = generate_sheet(rng, index, ModelUnit(code=unit.code, name=unit.name), indicators_per_sheet=10)
                contents.append(content)
                outcome = check_sheet(content)
                sheets.append(Sheet(unit=unit, year=YEAR, source="benchmark", suggested_grade=outcome.grade,
                                    score=outcome.score, error_count=outcome.count("error"),
                                    warning_count=outcome.count("warning"), info_count=outcome.count("info"),
                                    **sheet_fields(content)))
                sheets[-1].outcome = outcome
            Sheet.objects.bulk_create(sheets)
            IndicatorRow.objects.bulk_create(
                IndicatorRow(sheet=sheet, position=n, **indicator_cells(indicator))
                for sheet, content in zip(sheets, contents) for n, indicator in enumerate(content.indicators, 1)
            )
            FindingRecord.objects.bulk_create(
                FindingRecord(sheet=sheet, rule=f.rule, name=f.name, severity=f.severity, dimension=f.dimension,
                              indicator=f.indicator, row=f.row, field=f.field, message=f.message, fix=f.fix,
                              blocking=f.blocking)
                for sheet in sheets for f in sheet.outcome.findings
            )


if __name__ == "__main__":
    django.setup()
    load(int(sys.argv[1]))

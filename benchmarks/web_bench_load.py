"""Loading the web benchmark's data (run by benchmarks.web_bench in a fresh process per database).

    python -m benchmarks.web_bench_load SHEETS

Migrates, creates one bureau with 100 townships, a reviewer and a preparer (of the first township), and stores
SHEETS synthetic sheets (the reviewer's API token in JIXIAO_DATA/api_token) (ten indicators each) with the review engine's findings, in bulk: the benchmark measures
reading, not importing. Four sheets in five are approved, with some spending recorded, and their stored summaries
computed by the core as the web would (the overviews read them), and each unit's stored figures added up.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import django


def load(count: int) -> None:
    """Store ``count`` sheets spread over the townships."""
    from django.core.management import call_command
    from django.db import transaction

    from benchmarks.synth import generate_sheet
    from benchmarks.web_bench import PASSWORD, UNITS, YEAR
    from jixiao.model import Document
    from jixiao.model import Unit as ModelUnit
    from jixiao.web.organisation.models import Role
    from jixiao.web.organisation.services import member_create, token_create, unit_create
    from jixiao.web.performance.figures import figures_fill
    from jixiao.web.sheets.conversion import row_cells, sheet_fields
    from jixiao.web.sheets.models import FindingRecord, IndicatorRow, Sheet, Status
    from jixiao.web.sheets.services.counts import counts_fill
    from jixiao.web.sheets.services.review import check_sheet

    call_command("migrate", interactive=False, verbosity=0)
    bureau = unit_create(code="B0", name="基准测试财政局")
    units = [unit_create(code=f"U{n:03d}", name=f"第{n}乡人民政府", parent=bureau) for n in range(UNITS)]
    reviewer = member_create(username="reviewer", password=PASSWORD, unit=bureau, role=Role.REVIEWER).user
    (Path(os.environ["JIXIAO_DATA"]) / "api_token").write_text(token_create(user=reviewer, label="benchmark"))
    member_create(username="preparer", password=PASSWORD, unit=units[0], role=Role.PREPARER)
    rng = random.Random(2026)
    batch = 500
    for start in range(0, count, batch):
        with transaction.atomic():
            contents, sheets = [], []
            for index in range(start, min(start + batch, count)):
                unit = units[index % UNITS]
                content = generate_sheet(rng, index, ModelUnit(code=unit.code, name=unit.name), indicators_per_sheet=10)
                content = content.model_copy(update={"year": YEAR, "title": content.title.replace("2025", str(YEAR))})
                contents.append(content)
                outcome = check_sheet(Document(sheets=[content]))  # as a sheet is reviewed: in its document
                approved = index % 5 != 4
                sheets.append(Sheet(unit=unit, year=YEAR, source="benchmark", suggested_grade=outcome.grade,
                                    status=Status.APPROVED if approved else Status.DRAFT,
                                    score=outcome.score, review_fingerprint=outcome.fingerprint,
                                    error_count=outcome.count("error"),
                                    warning_count=outcome.count("warning"), info_count=outcome.count("info"),
                                    **sheet_fields(content)))
                sheets[-1].outcome = outcome
            Sheet.objects.bulk_create(sheets)
            IndicatorRow.objects.bulk_create(
                IndicatorRow(sheet=sheet, position=n, **row_cells(indicator))
                for sheet, content in zip(sheets, contents) for n, indicator in enumerate(content.indicators, 1)
            )
            FindingRecord.objects.bulk_create(
                FindingRecord(sheet=sheet, rule=f.rule, severity=f.severity, row=f.row, blocking=f.blocking,
                              data=f.finding.model_dump(mode="json"))
                for sheet in sheets for f in sheet.outcome.findings
            )
            _approve(rng, [(s, c) for s, c in zip(sheets, contents) if s.status == Status.APPROVED], reviewer)
    with transaction.atomic():  # the units' stored figures, as the services would have kept them
        counts_fill()
        figures_fill()


def _approve(rng: random.Random, approved: list, reviewer) -> None:
    """Approved versions, a tracking with one or two payments, and the summary the core computes from them."""
    from datetime import date
    from decimal import Decimal

    from benchmarks.web_bench import YEAR
    from jixiao.model import ExecutionRecord, FundSource, SpendingEntry
    from jixiao.scoring.fingerprint import scoring_fingerprint
    from jixiao.web.performance.models import Spending, Summary, Tracking
    from jixiao.web.performance.selectors import SheetYear, season_of
    from jixiao.web.performance.summaries import summary_fields
    from jixiao.web.sheets.models import ApprovedVersion

    ApprovedVersion.objects.bulk_create(ApprovedVersion(sheet=sheet, version=1, grade="良", approved_by=reviewer,
                                                        content=content.model_dump(mode="json"))
                                        for sheet, content in approved)
    trackings = Tracking.objects.bulk_create(Tracking(sheet=sheet) for sheet, _ in approved)
    season = season_of(approved[0][0].unit.bureau_id, YEAR) if approved else None
    spending, summaries = [], []
    for (sheet, content), tracking in zip(approved, trackings):
        entries = [SpendingEntry(day=date(YEAR, rng.randint(1, 6), 15), amount=content.budget.total
                                 * Decimal(rng.randint(5, 45)) / 100, source=FundSource.FISCAL) for _ in range(2)]
        spending += [Spending(tracking=tracking, day=e.day, amount=e.amount.quantize(Decimal("0.01")),
                              source=e.source.value) for e in entries]
        year = SheetYear(sheet=sheet, content=content, tracking=None, season=season)
        year.record = ExecutionRecord(sheet=content.key, entries=[
            e.model_copy(update={"amount": e.amount.quantize(Decimal("0.01"))}) for e in entries])
        summaries.append(Summary(sheet=sheet, unit_id=sheet.unit_id, year=sheet.year, code=sheet.code,
                                 computed_with=scoring_fingerprint(), **summary_fields(year)))
    Spending.objects.bulk_create(spending)
    Summary.objects.bulk_create(summaries)


if __name__ == "__main__":
    django.setup()
    load(int(sys.argv[1]))

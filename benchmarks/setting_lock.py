"""How long a bureau's setting change keeps other writers out on SQLite: the longest stretch in which another
connection could not take the write lock while a reviewer changes the bureau's scoring profile for a year of
``--sheets`` approved sheets (every one of their stored summaries is recomputed).

    .venv/bin/python -m benchmarks.setting_lock [--sheets 300]

The probe is :mod:`benchmarks.import_lock`'s. Prints the change's time, the longest stretch and the share of the
change spent locked. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from benchmarks.import_lock import _files, _people, _Probe, fresh_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=300)
    args = parser.parse_args()
    with fresh_site() as data:
        preparer, unit = _people()
        reviewer = _approved(preparer, unit, args.sheets)
        from jixiao.web.performance.models import Summary
        from jixiao.web.performance.services import setting_save

        probe = _Probe(data / "jixiao.sqlite3")
        started = time.perf_counter()
        with probe:
            setting_save(user=reviewer, year=2026, profile="hubei", period_end=date(2026, 9, 30))
        seconds = time.perf_counter() - started
        print(f"setting change over {Summary.objects.count()} approved sheets: {seconds:.1f} s; other writers locked "
              f"out at most {probe.longest:.2f} s at a stretch, {probe.locked / seconds:.0%} of the change in all")


def _approved(preparer, unit, count: int):
    """``count`` sheets of ``unit`` imported and approved (each approval stores its summary); their reviewer."""
    from jixiao.web.organisation.models import Role
    from jixiao.web.organisation.services import member_create
    from jixiao.web.sheets.conversion import goal_sheet
    from jixiao.web.sheets.models import ApprovedVersion
    from jixiao.web.sheets.services.imports import sheets_import

    reviewer = member_create(username="reviewer", password="Bench-Pass-2026", unit=unit.bureau,
                             role=Role.REVIEWER).user
    for sheet in sheets_import(user=preparer, unit=unit, year=2026, files=_files(count)):
        ApprovedVersion.objects.create(sheet=sheet, version=sheet.version, grade="A", approved_by=reviewer,
                                       content=goal_sheet(sheet).model_dump(mode="json"))
    return reviewer


if __name__ == "__main__":
    main()

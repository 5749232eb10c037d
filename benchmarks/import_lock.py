"""How long an import keeps other writers out on SQLite: the longest stretch in which another connection could not
take the write lock, while ``jixiao`` imports ``--files`` generated .txt files into a fresh database file.

    .venv/bin/python -m benchmarks.import_lock [--files 200]

A probe connection tries ``BEGIN IMMEDIATE`` without waiting every few milliseconds while the import runs (as the
background worker runs it: read, review, store all or nothing); a person saving an edit, a comment or a login
meanwhile waits as long as the stretch it falls into, and fails past the busy timeout (5 s). Prints the import's
time, the longest stretch and the share of the import spent locked. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# How often the probe tries the lock (seconds).
PROBE_EVERY = 0.005


@contextlib.contextmanager
def fresh_site() -> Iterator[Path]:
    """Django set up on a new, migrated SQLite site in a temporary folder: that folder (removed at the end)."""
    with tempfile.TemporaryDirectory() as data:
        os.environ["JIXIAO_DATA"] = data
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        yield Path(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    with fresh_site() as data:
        user, unit = _people()
        files = _files(args.files)
        probe = _Probe(data / "jixiao.sqlite3")
        from jixiao.web.sheets.services.imports import sheets_import

        started = time.perf_counter()
        with probe:
            sheets = sheets_import(user=user, unit=unit, year=2026, files=files)
        seconds = time.perf_counter() - started
        print(f"import of {args.files} files ({len(sheets)} sheets): {seconds:.1f} s; other writers locked out "
              f"at most {probe.longest:.2f} s at a stretch, {probe.locked / seconds:.0%} of the import in all")


def _people():
    from jixiao.web.organisation.models import Role
    from jixiao.web.organisation.services import member_create, unit_create

    bureau = unit_create(code="B1", name="甲市财政局")
    township = unit_create(code="U000", name="第0乡人民政府", parent=bureau)
    return member_create(username="preparer", password="Bench-Pass-2026", unit=township,
                         role=Role.PREPARER).user, township


def _files(count: int) -> list[tuple[str, bytes]]:
    from benchmarks.synth import generate_sheet
    from jixiao.documents import render_document
    from jixiao.model import Document, Unit

    unit, rng, files = Unit(code="U000", name="第0乡人民政府"), random.Random(13), []
    for index in range(count):
        sheet = generate_sheet(rng, 900_000 + index, unit)
        sheet = sheet.model_copy(update={"year": 2026, "title": sheet.title.replace("2025", "2026")})
        files.append((f"sheet-{index:05d}.txt", render_document(Document(unit=unit, sheets=[sheet]), "txt")))
    return files


class _Probe:
    """Another connection trying the write lock without waiting, in a thread, while the block runs."""

    def __init__(self, path: Path) -> None:
        self.path, self.longest, self.locked = path, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run)

    def __enter__(self) -> _Probe:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        since = None  # when the current locked stretch began
        while not self._stop.is_set():
            now = time.perf_counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
            except sqlite3.OperationalError:
                since = now if since is None else since
            else:
                if since is not None:
                    self.longest, self.locked, since = max(self.longest, now - since), self.locked + now - since, None
            time.sleep(PROBE_EVERY)
        if since is not None:  # locked until the import returned
            now = time.perf_counter()
            self.longest, self.locked = max(self.longest, now - since), self.locked + now - since
        connection.close()


if __name__ == "__main__":
    main()

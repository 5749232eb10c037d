"""A province's year on one machine: generated goal sheets in mixed formats, read and reviewed by
``jixiao check --jobs 1`` and ``--jobs 2`` over the same folder, side by side (issue 13).

    .venv/bin/python -m benchmarks.province_bench [--sheets 100000] [--folder DIR] [--jobs 1,2]

Writes one-sheet files (.docx, .xlsx and .txt in turn, from benchmarks.province_files) into a folder (kept with
--folder, so a second run measures only the check), then runs ``jixiao check --format json`` over it with each
number of jobs and prints, side by side: wall-clock seconds (with the load average, since other work on the
machine slows them), CPU seconds of the parent process (inputs, output) and of the workers (reading and
reviewing), and the peak RSS of the parent and of the largest worker. CPU seconds hold on a loaded machine, so
the speed-up the CPU figures allow on idle cores is printed too: one job's CPU over the larger of the parent's
CPU and the whole run's CPU shared by the jobs. Aims: 100,000 sheets under 5 minutes with 2 jobs, and 2 jobs at
least 1.8 times as fast as one. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.province_files import FORMATS, file_bytes, file_format


def _write_chunk(args: tuple[str, int, int]) -> int:
    folder, start, stop = args
    for number in range(start, stop):
        path = Path(folder) / f"{number // 1000:03d}" / f"sheet-{number:06d}.{file_format(number)}"
        path.parent.mkdir(exist_ok=True)
        if not path.exists():
            path.write_bytes(file_bytes(number))
    return stop - start


def generate(folder: Path, count: int, jobs: int) -> float:
    """Write ``count`` files into ``folder`` (skipping those already there); seconds taken."""
    started = time.perf_counter()
    step = 500
    chunks = [(str(folder), start, min(start + step, count)) for start in range(0, count, step)]
    with ProcessPoolExecutor(jobs) as pool:
        for _ in pool.map(_write_chunk, chunks):
            pass
    return time.perf_counter() - started


def run_check(folder: Path, jobs: int) -> dict:
    """One ``jixiao check`` run over the folder, measured from inside by benchmarks.measured_command: seconds, exit
    code, CPU and peak RSS of the parent and of the workers, and the load average before and after."""
    with tempfile.TemporaryDirectory() as temporary:
        figures_path = Path(temporary) / "figures.json"
        load = os.getloadavg()[0]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.measured_command",
                str(figures_path),
                "check",
                "--format",
                "json",
                "--exit-zero",
                "--jobs",
                str(jobs),
                str(folder),
            ],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if result.returncode not in (0, 1):
            print(result.stderr.decode()[-2000:], file=sys.stderr)
        figures = json.loads(figures_path.read_text(encoding="utf-8"))
    figures["load"] = (load, os.getloadavg()[0])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, help="keep the generated files here (default: a temporary folder)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts to compare")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        seconds = generate(folder, args.sheets, max(jobs))
        print(f"generated {args.sheets} files ({'/'.join(FORMATS)} in turn) in {seconds:.0f} s into {folder}")
        # A kept folder may hold more files than asked for this time: rates are per file checked.
        sheets = sum(1 for path in folder.rglob("*") if path.is_file())
        print(
            f"{'jobs':>4} {'seconds':>8} {'load':>9} {'sheets/s':>8} {'100k proj.':>10} {'speed-up':>8} "
            f"{'CPU parent':>10} {'CPU workers':>11} {'CPU speed-up':>12} {'RSS parent':>10} {'RSS worker':>10}"
        )
        first = None
        for count in jobs:
            run = run_check(folder, count)
            parent, workers = run["parent"]["cpu"], run["workers"]["cpu"]
            first = first or run
            one_job_cpu = first["parent"]["cpu"] + first["workers"]["cpu"]
            # On idle cores the run takes at least its CPU shared by the jobs, and at least the parent's own CPU.
            bound = one_job_cpu / max(parent, (parent + workers) / count)
            print(
                f"{count:>4} {run['seconds']:8.1f} {run['load'][0]:4.1f}-{run['load'][1]:<4.1f} "
                f"{sheets / run['seconds']:8.0f} {100_000 * run['seconds'] / sheets:9.0f}s "
                f"{first['seconds'] / run['seconds']:7.2f}x {parent:9.1f}s {workers:10.1f}s {bound:11.2f}x "
                f"{run['parent']['peak_mb']:8.0f}MB "
                + (f"{run['workers']['peak_mb']:8.0f}MB" if workers else f"{'—':>10}")
                + ("" if run["exit"] in (0, 1) else f"  (exit {run['exit']})")
            )
        print(f"aims: 100,000 sheets in under 300 s with 2 jobs; 2 jobs >= 1.8x one job (cores here: {os.cpu_count()})")


if __name__ == "__main__":
    main()

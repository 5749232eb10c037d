"""A province's year on one machine: generated goal sheets in mixed formats, read and reviewed by
``jixiao check --jobs 1`` and ``--jobs 2`` over the same folder, side by side (issue 13).

    .venv/bin/python -m benchmarks.province_bench [--sheets 100000] [--folder DIR] [--jobs 1,2]

Writes one-sheet files (.docx, .xlsx and .txt in turn, from benchmarks.synth) into a folder (kept with
--folder, so a second run measures only the check), then times each ``jixiao check --format json`` run end to
end and reads its peak memory. Aims: 100,000 sheets under 5 minutes with 2 jobs, and 2 jobs at least 1.8 times
as fast as one. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FORMATS = ("docx", "xlsx", "txt")


def _write_chunk(args: tuple[str, int, int]) -> int:
    from benchmarks.synth import generate_document
    from jixiao.documents import render_document

    folder, start, stop = args
    for seed in range(start, stop):
        file_format = FORMATS[seed % len(FORMATS)]
        path = Path(folder) / f"{seed // 1000:03d}" / f"sheet-{seed:06d}.{file_format}"
        path.parent.mkdir(exist_ok=True)
        if not path.exists():
            document = generate_document(seed, sheets=1, indicators_per_sheet=8 + seed % 8)[0]
            path.write_bytes(render_document(document, file_format))
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


def run_check(folder: Path, jobs: int) -> tuple[float, int, float]:
    """Seconds, exit code and peak RSS (MB) of one ``jixiao check`` run over the folder."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "jixiao", "check", "--format", "json", "--exit-zero",
                             "--jobs", str(jobs), str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    if result.returncode not in (0, 1):
        print(result.stderr.decode()[-2000:], file=sys.stderr)
    return seconds, result.returncode, peak


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
        print(f"{'jobs':>4} {'seconds':>8} {'sheets/s':>9} {'100k proj.':>10} {'speed-up':>8} {'peak RSS MB':>11}")
        first = None
        for count in jobs:
            taken, code, peak = run_check(folder, count)
            first = first or taken
            print(f"{count:>4} {taken:8.1f} {args.sheets / taken:9.0f} {100_000 / (args.sheets / taken):9.0f}s "
                  f"{first / taken:7.2f}x {peak:11.0f}" + ("" if code in (0, 1) else f"  (exit {code})"))
        print(f"aims: 100,000 sheets in under 300 s with 2 jobs; 2 jobs >= 1.8x one job (cores here: {os.cpu_count()})")


if __name__ == "__main__":
    main()

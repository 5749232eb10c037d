"""Reading throughput: sheets per second per format, and .docx reading against its unzip + XML floor.

    .venv/bin/python -m benchmarks.read_bench [--sheets 2000] [--jobs 1]

Generates synthetic one-sheet files in every writable format, reads them back with ``read_bytes`` and prints
the figures. The issue's aim: 10,000 .docx sheets in under 60 s on a 2-core machine (--jobs 2), and reading
a .docx no more than 3x the time of merely unzipping it and parsing its XML.
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor

from lxml import etree

from benchmarks.synth import generate_document
from jixiao.documents import WRITABLE_FORMATS, read_bytes
from jixiao.documents.writers.registry import writer_for


def make_files(file_format: str, count: int) -> list[bytes]:
    """``count`` one-sheet files of ``file_format`` with varied content."""
    write = writer_for(file_format)
    return [write(generate_document(seed, sheets=1, indicators_per_sheet=8 + seed % 8)[0]) for seed in range(count)]


def _read_all(files: list[bytes]) -> int:
    return sum(len(read_bytes(data, f"bench-{n}").sheets) for n, data in enumerate(files))


def _floor_all(files: list[bytes]) -> int:
    for data in files:
        etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return len(files)


def timed(function, files: list[bytes], jobs: int) -> tuple[float, int]:
    """Seconds taken and sheets handled by ``function`` over ``files`` split across ``jobs`` processes."""
    start = time.perf_counter()
    if jobs == 1:
        handled = function(files)
    else:
        chunks = [files[i::jobs] for i in range(jobs)]
        with ProcessPoolExecutor(jobs) as pool:
            handled = sum(pool.map(function, chunks))
    return time.perf_counter() - start, handled


def main() -> None:
    """Print sheets/s per format and the .docx floor ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    print(f"{'format':<6} {'sheets':>7} {'seconds':>8} {'sheets/s':>9}")
    for file_format in WRITABLE_FORMATS:
        try:
            files = make_files(file_format, args.sheets)
        except ModuleNotFoundError:
            print(f"{file_format:<6} (no writer yet)")
            continue
        seconds, handled = timed(_read_all, files, args.jobs)
        print(f"{file_format:<6} {handled:>7} {seconds:>8.2f} {handled / seconds:>9.0f}")
        if file_format == "docx":
            floor, _ = timed(_floor_all, files, args.jobs)
            print(f"docx floor (unzip + parse document.xml): {floor:.2f} s; reading/floor = {seconds / floor:.2f}x; "
                  f"projected 10,000 sheets: {seconds / handled * 10000:.0f} s")


if __name__ == "__main__":
    main()

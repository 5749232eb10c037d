"""Reading throughput, side by side in one run: per format the reader alone and the whole read (reader and
interpreter), in sheets per second, and .docx and .xlsx against the floor of merely unzipping the same files
and parsing their XML.

    .venv/bin/python -m benchmarks.read_bench [--sheets 1000] [--jobs 1]

Times are the best of three runs, each over its own third of the files (the reading pipeline memoises what it
learns of a cell's text, so a run over files already read would flatter it), in CPU seconds of the process (``time.process_time``) with one job, so a busy
shared machine distorts the ratios less; with ``--jobs N`` they are wall-clock seconds over N processes. The aims (issue 9): .docx
reading at most 3x its unzip + XML-parse floor, .xlsx at least 1,000 sheets/s, text at least 1,500 sheets/s on
one core.
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor

from lxml import etree

from benchmarks.synth import generate_document
from jixiao.documents import read_bytes
from jixiao.documents.limits import DEFAULT_LIMITS
from jixiao.documents.readers.registry import read_layout
from jixiao.documents.readers.text_decode import decode_text
from jixiao.documents.writers.registry import writer_for

FORMATS = ("docx", "xlsx", "txt")
_WARM = 20  # files read before timing, none of them timed
# The XML parts whose unzip + parse is the floor of reading the format.
_FLOOR_PARTS = {"docx": ("word/document.xml",), "xlsx": ("xl/workbook.xml", "xl/styles.xml", "xl/worksheets/")}


def make_files(file_format: str, count: int) -> list[bytes]:
    """``count`` one-sheet files of ``file_format`` with varied content."""
    write = writer_for(file_format)
    return [write(generate_document(seed, sheets=1, indicators_per_sheet=8 + seed % 8)[0]) for seed in range(count)]


def _read_all(job: tuple[str, list[bytes]]) -> int:
    file_format, files = job
    return sum(len(read_bytes(data, f"bench-{n}").sheets) for n, data in enumerate(files))


def _reader_all(job: tuple[str, list[bytes]]) -> int:
    file_format, files = job
    for n, data in enumerate(files):
        if file_format == "txt":
            decode_text(data, f"bench-{n}")  # a text file's reader is its decoding; tokenizing is the pipeline's
        else:
            read_layout(file_format, data, f"bench-{n}", DEFAULT_LIMITS)
    return len(files)


def _floor_all(job: tuple[str, list[bytes]]) -> int:
    file_format, files = job
    prefixes = _FLOOR_PARTS[file_format]
    for data in files:
        archive = zipfile.ZipFile(io.BytesIO(data))
        for name in archive.namelist():
            if name.startswith(prefixes):
                etree.fromstring(archive.read(name))
    return len(files)


def timed(function, file_format: str, files: list[bytes], jobs: int, repeat: int = 3) -> tuple[float, float]:
    """Seconds (CPU with one job, wall-clock with several) and count ``function`` returns, per file, of the
    fastest of ``repeat`` runs, each over its own slice of ``files``."""
    best = (float("inf"), 0.0)
    for part in (files[i::repeat] for i in range(repeat)):
        if jobs == 1:
            start = time.process_time()
            handled = function((file_format, part))
            seconds = time.process_time() - start
        else:
            start = time.perf_counter()
            with ProcessPoolExecutor(jobs) as pool:
                handled = sum(pool.map(function, [(file_format, part[i::jobs]) for i in range(jobs)]))
            seconds = time.perf_counter() - start
        best = min(best, (seconds / len(part), handled / len(part)))
    return best


def main() -> None:
    """Print, per format, the reader alone, the whole read and the floor, and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    print(f"{'format':<6} {'files':>6} {'floor s':>8} {'reader s':>9} {'read s':>8} {'reader/floor':>13} "
          f"{'read/floor':>11} {'reader sheets/s':>16} {'read sheets/s':>14}")
    for file_format in FORMATS:
        generated = make_files(file_format, args.sheets + _WARM)
        _read_all((file_format, generated[:_WARM]))  # imports and the vocabulary's caches warm, on other files
        files = generated[_WARM:]
        reader, _ = timed(_reader_all, file_format, files, args.jobs)
        whole, sheets = timed(_read_all, file_format, files, args.jobs)
        count = len(files)
        if file_format in _FLOOR_PARTS:
            floor, _ = timed(_floor_all, file_format, files, args.jobs)
            ratios = (f"{floor * count:>8.2f} {reader * count:>9.2f} {whole * count:>8.2f} {reader / floor:>12.1f}x "
                      f"{whole / floor:>10.1f}x")
        else:
            ratios = f"{'-':>8} {reader * count:>9.2f} {whole * count:>8.2f} {'-':>13} {'-':>11}"
        print(f"{file_format:<6} {count:>6} {ratios} {1 / reader:>16.0f} {sheets / whole:>14.0f}")


if __name__ == "__main__":
    main()

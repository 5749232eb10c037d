"""Fuzzing the readers: mutated .docx, .xlsx, .html, .pdf and text files, each read in a worker process capped at
1 GiB with a watchdog (benchmarks/isolated.py). Every input must end in a Document or a Chinese refusal
(NotAGoalDocument); anything else is a crash, and an input taking longer than the timeout is a hang.

    .venv/bin/python -m benchmarks.fuzz --seconds 300 [--seed 1] [--timeout 10] [--save DIR]

Prints the inputs tried per format, how they ended, the slowest input and the workers' peak memory, and saves
each crasher and hang under ``--save`` (default ``benchmarks/crashers/``) to become a regression test
(tests/documents/test_fuzz.py reads ``tests/documents/fuzz_crashers/``).

The mutations are the kinds that broke readers before: flipped, deleted, duplicated and inserted bytes,
truncation, numbers made huge (spans, merge references, sizes), and markup spliced in. For .docx and .xlsx the
XML parts are mutated inside the archive and re-zipped, so the mutations reach the XML readers rather than only
the zip checks.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

from benchmarks.isolated import IsolatedReader

__all__ = ["mutate", "mutate_bytes"]

_SPLICES = [
    b"<", b">", b"&", b'"', b"\x00", b"\xff\xfe", b"99999999", b"-1", b"1e308", b"NaN",
    b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr></w:tc></w:tr></w:tbl>',
    b'<w:vMerge/>', b'<mergeCell ref="A1:XFD1048576"/>', b'<c r="XFD1048576"><v>1</v></c>',
    b'<row r="1048576" hidden="1">', b'<col min="1" max="16384" hidden="1"/>',
    b'<td rowspan="9999" colspan="9999">', b"<table><tr><td>", "一级指标\t二级指标\t三级指标\t指标值\n".encode(),
    b"obj << /Type /Page /MediaBox [0 0 1e9 1e9] >> endobj", b"/Count 999999", b"stream\n", b"endstream",
]
_NUMBER = re.compile(rb"\d+")


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to eight byte-level mutations of ``data``."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not buffer:
            buffer += rng.choice(_SPLICES)
            continue
        at = rng.randrange(len(buffer))
        kind = rng.randrange(7)
        if kind == 0:
            buffer[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del buffer[at:at + rng.randint(1, 64)]
        elif kind == 2:
            piece = buffer[at:at + rng.randint(1, 256)]
            buffer[at:at] = piece * rng.randint(1, 50)
        elif kind == 3:
            buffer[at:at] = rng.choice(_SPLICES)
        elif kind == 4:
            del buffer[rng.randrange(len(buffer) // 2, len(buffer)):]
        elif kind == 5:
            numbers = list(_NUMBER.finditer(buffer))
            if numbers:
                match = rng.choice(numbers)
                buffer[match.start():match.end()] = rng.choice([b"0", b"99999", b"1048576", b"4294967296", b"-5"])
        else:
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(buffer)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A mutated copy of a file: inside one XML part of an Office archive (re-zipped), or its raw bytes."""
    if data.startswith(b"PK") and rng.random() < 0.75:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [(info, archive.read(info)) for info in archive.infolist()]
        except (zipfile.BadZipFile, ValueError):
            return mutate_bytes(data, rng)
        parts = [index for index, (info, _) in enumerate(members) if info.filename.endswith(".xml")]
        if parts:
            index = rng.choice(parts)
            info, content = members[index]
            members[index] = (info, mutate_bytes(content, rng))
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
                for member, content in members:
                    target.writestr(member.filename, content)
            return buffer.getvalue()
    return mutate_bytes(data, rng)


def main() -> None:
    """Fuzz for --seconds and print what happened."""
    from tests.documents.fuzz_seeds import seeds  # builds valid files with the test helpers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10, help="seconds after which an input is a hang")
    parser.add_argument("--save", type=Path, default=Path("benchmarks/crashers"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = seeds()
    outcomes: dict[str, Counter] = {name: Counter() for name in files}
    peak = 0.0
    slowest = (0.0, "")
    bad: list[tuple[str, str, str]] = []
    end = time.monotonic() + args.seconds
    with IsolatedReader(timeout=args.timeout) as reader:
        while time.monotonic() < end:
            name = rng.choice(list(files))
            data = mutate(files[name], rng)
            outcome = reader.read(data, name)
            outcomes[name][outcome.kind] += 1
            peak = max(peak, outcome.peak_mb)
            slowest = max(slowest, (outcome.seconds, name))
            if outcome.kind in ("crash", "hang"):
                digest = hashlib.sha1(data).hexdigest()[:10]
                args.save.mkdir(parents=True, exist_ok=True)
                path = args.save / f"{outcome.kind}-{digest}-{name}"
                path.write_bytes(data)
                bad.append((outcome.kind, str(path), outcome.detail.strip().splitlines()[-1] if outcome.detail else ""))
    print(f"{'input':<12} {'tried':>6} {'read':>6} {'refused':>8} {'crashes':>8} {'hangs':>6}")
    total = Counter()
    for name, counts in outcomes.items():
        total += counts
        print(f"{name:<12} {sum(counts.values()):>6} {counts['read']:>6} {counts['refused']:>8} "
              f"{counts['crash']:>8} {counts['hang']:>6}")
    print(f"{'total':<12} {sum(total.values()):>6} {total['read']:>6} {total['refused']:>8} "
          f"{total['crash']:>8} {total['hang']:>6}")
    print(f"peak memory of a worker: {peak:.0f} MB (cap 1024 MB); slowest input: {slowest[0]:.2f} s ({slowest[1]})")
    for kind, path, detail in bad:
        print(f"{kind}: {path}: {detail}")


if __name__ == "__main__":
    main()

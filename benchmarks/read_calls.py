"""Reading cost in measures a busy shared machine disturbs little: Python function calls per sheet (cProfile, the
same count on every run) and CPU milliseconds per sheet (``time.process_time``, best of several passes), per format,
for this tree and, side by side in the same run, another checkout (``--base``), with the ratios.

    .venv/bin/python -m benchmarks.read_calls [--sheets 100] [--passes 3] [--rounds 3] [--base /work/main]

Each tree is measured in processes of its own (``PYTHONPATH`` set to it), alternating between the trees over
``--rounds`` rounds so that a burst of load on the machine falls on both; each pass reads files of its own (the
pipeline memoises what it learns of a cell's text, so a pass over files already read would flatter it).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("txt", "xlsx", "docx")
_WARM = 20  # files read before measuring, none of them measured


def measure(file_format: str, files: list[bytes], sheets: int, passes: int) -> dict[str, float]:
    """Calls per sheet and the best CPU milliseconds per sheet of ``passes`` passes, each over its own ``sheets``
    of ``files`` (after ``_WARM`` read first), of the tree this process imports."""
    from benchmarks.read_bench import _read_all

    _read_all((file_format, files[:_WARM]))
    profile = cProfile.Profile()
    counted = files[_WARM:_WARM + sheets]
    profile.enable()
    read = _read_all((file_format, counted))
    profile.disable()
    calls = pstats.Stats(profile).total_calls / read
    best = float("inf")
    for number in range(1, passes + 1):
        part = files[_WARM + sheets * number:_WARM + sheets * (number + 1)]
        start = time.process_time()
        read = _read_all((file_format, part))
        best = min(best, (time.process_time() - start) / read)
    return {"calls": calls, "ms": best * 1000}


def _measured_in(tree: Path, file_format: str, files: Path, sheets: int, passes: int) -> dict[str, float]:
    """:func:`measure` in a process importing ``tree``'s code, of the files pickled at ``files``."""
    code = ("import json, pickle, runpy, sys; measure = runpy.run_path(sys.argv[1])['measure']; "
            "files = pickle.loads(open(sys.argv[3], 'rb').read()); "
            "print(json.dumps(measure(sys.argv[2], files, int(sys.argv[4]), int(sys.argv[5]))))")
    output = subprocess.run([sys.executable, "-c", code, __file__, file_format, str(files), str(sheets), str(passes)],
                            cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, text=True,
                            check=True).stdout
    return json.loads(output.splitlines()[-1])


def main() -> None:
    """Print, per format, calls per sheet, CPU ms per sheet and sheets per CPU second of each tree and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sheets", type=int, default=100)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    trees = [here] + ([args.base.resolve()] if args.base else [])
    print(f"{'format':<6} " + " ".join(f"{f'{name} calls':>12} {f'{name} ms':>8} {f'{name} /s':>8}"
                                       for name in ("this", "base")[:len(trees)])
          + ("  calls ratio  cpu ratio" if args.base else ""))
    from benchmarks.read_bench import make_files

    for file_format in args.formats.split(","):
        # (the files are written once, by this tree's writers, and read by every process: writing costs more than
        # reading)
        generated = make_files(file_format, _WARM + args.sheets * (args.passes + 1))
        best: list[dict[str, float]] = [{"calls": 0.0, "ms": float("inf")} for _ in trees]
        with tempfile.NamedTemporaryFile(suffix=".pickle") as files:
            files.write(pickle.dumps(generated))
            files.flush()
            for _ in range(args.rounds):
                for index, tree in enumerate(trees):
                    figures = _measured_in(tree, file_format, Path(files.name), args.sheets, args.passes)
                    best[index] = {"calls": figures["calls"], "ms": min(best[index]["ms"], figures["ms"])}
        row = " ".join(f"{b['calls']:>12.0f} {b['ms']:>8.3f} {1000 / b['ms']:>8.0f}" for b in best)
        if args.base:
            row += f"  {best[0]['calls'] / best[1]['calls']:>11.2f}  {best[0]['ms'] / best[1]['ms']:>9.2f}"
        print(f"{file_format:<6} {row}")


if __name__ == "__main__":
    main()

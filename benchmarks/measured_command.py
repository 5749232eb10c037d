"""Run one ``jixiao`` command in this process and record, when it ends, the CPU time and peak memory of this
process (the parent, which expands inputs and writes output) and of its children (the ``--jobs`` workers).

    python -m benchmarks.measured_command FIGURES.json check --format json DIR

Measured from inside because only the parent can tell its own use from its workers': seen from outside, a
process and the children it has waited for are one sum. CPU seconds stay meaningful on a loaded machine, where
wall-clock seconds do not.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

__all__ = ["usage"]


def usage(who: int) -> dict[str, float]:
    """User and system CPU seconds and peak RSS (MB) of ``resource.RUSAGE_SELF`` or ``RUSAGE_CHILDREN``.

    For children the peak is that of the largest single child (Linux keeps the maximum, not a sum)."""
    figures = resource.getrusage(who)
    return {"user": figures.ru_utime, "system": figures.ru_stime, "cpu": figures.ru_utime + figures.ru_stime,
            "peak_mb": figures.ru_maxrss / 1024}


def main() -> None:
    figures_path, arguments = Path(sys.argv[1]), sys.argv[2:]
    sys.argv = ["jixiao", *arguments]
    started = time.perf_counter()
    code = 0
    try:
        from jixiao.cli.app import main as jixiao

        jixiao()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        figures = {"seconds": time.perf_counter() - started, "exit": code,
                   "parent": usage(resource.RUSAGE_SELF), "workers": usage(resource.RUSAGE_CHILDREN)}
        figures_path.write_text(json.dumps(figures), encoding="utf-8")
    sys.exit(code)


if __name__ == "__main__":
    main()

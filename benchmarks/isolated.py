"""Reading files in a separate process capped at 1 GiB of address space, with a watchdog.

A reader that regresses on a hostile file must fail the run, not eat the machine: the worker process runs under
``RLIMIT_AS`` (so a runaway allocation is a MemoryError there) and the parent kills it when an input takes longer
than the time allowed (a hang). The worker is forked, so it starts with jixiao already imported, and it reads
inputs one after another until it crashes or hangs, when a fresh one replaces it.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
import traceback
from dataclasses import dataclass

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.errors import LimitExceeded

__all__ = ["Outcome", "IsolatedReader", "GIB"]

GIB = 1024**3


@dataclass(frozen=True)
class Outcome:
    """What reading one input came to: ``kind`` is read, refused, crash or hang."""

    kind: str
    seconds: float
    peak_mb: float  # the worker's peak resident memory so far
    detail: str = ""  # the refusal's message, the crash's traceback, or the number of sheets read
    limit: str | None = None  # the ReadLimits field a refusal names


def _worker(connection, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            data, source = connection.recv()
        except EOFError:
            return
        start = time.perf_counter()
        try:
            document = read_bytes(data, source)
            result = ("read", f"{len(document.sheets)} sheets", None)
        except LimitExceeded as error:
            result = ("refused", error.message, error.limit)
        except NotAGoalDocument as error:
            result = ("refused", error.message, None)
        except BaseException:  # noqa: BLE001 - a crash is what this harness reports
            result = ("crash", traceback.format_exc(), None)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        connection.send((result[0], time.perf_counter() - start, peak, result[1], result[2]))


class IsolatedReader:
    """Reads inputs in a worker process under a memory cap, killing it when one takes over ``timeout`` s."""

    def __init__(self, timeout: float = 20.0, memory: int = GIB) -> None:
        self.timeout = timeout
        self.memory = memory
        self._context = multiprocessing.get_context("fork")
        self._process = None
        self._connection = None

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_worker, args=(child, self.memory), daemon=True)
        self._process.start()
        child.close()
        self._connection = parent

    def read(self, data: bytes, source: str, fresh: bool = False) -> Outcome:
        """Read one input; ``fresh`` starts a new worker first, so the peak memory is this input's alone."""
        if fresh:
            self.close()
        if self._process is None:
            self._start()
        start = time.perf_counter()
        self._connection.send((data, source))
        if not self._connection.poll(self.timeout):
            self.close()
            return Outcome("hang", time.perf_counter() - start, 0.0, f"no answer in {self.timeout:g} s")
        try:
            kind, seconds, peak, detail, limit = self._connection.recv()
        except EOFError:
            code = self._process.exitcode if self._process else None
            self.close()
            return Outcome("crash", time.perf_counter() - start, 0.0, f"worker died (exit code {code})")
        if kind == "crash":
            self.close()  # a MemoryError can leave the worker in any state
        return Outcome(kind, seconds, peak, detail, limit)

    def close(self) -> None:
        """Stop the worker, if one runs."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._connection.close()
        self._process = self._connection = None

    def __enter__(self) -> IsolatedReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

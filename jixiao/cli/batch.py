"""Batch work for ``parse``, ``check`` and ``score``: many inputs, on all cores or on a Dask cluster.

Inputs are files, folders (their supported files, recursively, in name order) and .zip archives (their supported
members, in name order). Work runs in worker processes (``--jobs``) or on a Dask cluster (``--scheduler``), and
results come back in input order as they are ready, so output streams and is identical to ``--jobs 1``.

Only a bounded window of inputs is in flight at once: a folder of a million files never becomes a million
pending futures, and an archive's members are read one at a time when their turn comes.
"""

from __future__ import annotations

import os
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jixiao.cli.console import stderr
from jixiao.cli.errors import UsageError
from jixiao.documents import SUPPORTED_SUFFIXES, NotAGoalDocument, read_bytes
from jixiao.documents.limits import DEFAULT_LIMITS
from jixiao.model.office_archive import ZIP_ERRORS

__all__ = ["JobsOption", "Outcome", "SchedulerOption", "Source", "default_jobs", "expand_sources", "read_source",
           "run_batch"]

T = TypeVar("T")

JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", help="并行的进程数（默认：全部 CPU 核）")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="在 Dask 集群上运行：local（本机集群）或调度器地址 tcp://主机:8786；需要 jixiao[dask]，"
                        "各工作节点须能以相同路径读到输入文件")]

# An archive holding more members is refused rather than listed. A member is a document like an uploaded file, so
# it is held to the readers' upload limit (read_bytes would refuse a larger one after unpacking it).
MAX_ARCHIVE_MEMBERS = 100_000
MAX_MEMBER_BYTES = DEFAULT_LIMITS.upload_bytes
# Tasks in flight per worker: enough to keep every worker busy, few enough to bound memory (the results held are
# at most WINDOW_PER_WORKER * CHUNK documents per worker).
WINDOW_PER_WORKER = 4
# Inputs per task: each task costs the parent a round trip between processes (a future, queues, pickling), so
# inputs go in small groups; small, so that a group's first document is not held back long.
CHUNK = 8


@dataclass(frozen=True)
class Source:
    """One input document: a file, or a member of a .zip archive. Cheap to send to a worker."""

    path: str
    member: str | None = None
    given: str = ""

    @property
    def name(self) -> str:
        """How messages name the input: the path as given, or ``archive.zip/member``."""
        shown = self.given or self.path
        return f"{shown}/{self.member}" if self.member else shown

    @property
    def label(self) -> str:
        """The short name a document is given (the file or member name, as ``jixiao parse FILE`` does)."""
        return PurePosixPath(self.member).name if self.member else Path(self.path).name

    def load(self) -> bytes:
        """The input's bytes; a Chinese :class:`NotAGoalDocument` when they cannot be had."""
        try:
            if self.member is None:
                return Path(self.path).read_bytes()
            archive = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise NotAGoalDocument(self.name, "文件不存在") from None
        except IsADirectoryError:
            raise NotAGoalDocument(self.name, "这是一个文件夹，不是文件") from None
        except PermissionError as error:
            raise NotAGoalDocument(self.name, f"无法打开文件（{error.strerror}）") from None
        except ZIP_ERRORS as error:
            raise NotAGoalDocument(self.name, f"压缩包已损坏，无法打开（{error}）") from None
        try:
            with archive:
                return self._member(archive)
        except (*ZIP_ERRORS, KeyError) as error:
            raise NotAGoalDocument(self.name, f"压缩包已损坏或加密，无法解压（{error}）") from None

    def _member(self, archive: zipfile.ZipFile) -> bytes:
        info = archive.getinfo(self.member)
        if info.file_size > MAX_MEMBER_BYTES:
            raise NotAGoalDocument(self.name, f"压缩包内的文件解压后有 {info.file_size} 字节，超过上限 "
                                              f"{MAX_MEMBER_BYTES} 字节")
        with archive.open(info) as member:
            # The declared size can lie: read one byte past the limit to find out.
            data = member.read(MAX_MEMBER_BYTES + 1)
        if len(data) > MAX_MEMBER_BYTES:
            raise NotAGoalDocument(self.name, f"压缩包内的文件解压后超过上限 {MAX_MEMBER_BYTES} 字节")
        return data


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one source: a value, or the Chinese message of why there is none."""

    source: Source
    value: Any = None
    error: str | None = None


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _supported(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in SUPPORTED_SUFFIXES


def _archive_members(path: Path) -> list[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as error:
        raise UsageError(f"压缩包 {path} 已损坏，无法打开（{error}）") from None
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        raise UsageError(f"压缩包 {path} 有 {len(infos)} 个文件，超过上限 {MAX_ARCHIVE_MEMBERS}")
    members = sorted(info.filename for info in infos if not info.is_dir() and _supported(info.filename)
                     and not PurePosixPath(info.filename).name.startswith(".")
                     and not info.filename.startswith("__MACOSX/"))
    return [Source(str(path.absolute()), member, str(path)) for member in members]


def expand_sources(paths: Iterable[Path], exclude: Path | None = None) -> list[Source]:
    """The documents named by ``paths``: files as given, folders' and archives' supported files in name order.

    ``exclude`` (for example the actuals file of ``score``) is skipped inside folders.
    """
    skip = exclude.resolve() if exclude is not None else None
    sources: list[Source] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if skip is not None and file.resolve() == skip:
                    continue
                if file.suffix.lower() == ".zip":
                    sources.extend(_archive_members(file))
                elif file.suffix.lower() in SUPPORTED_SUFFIXES:
                    sources.append(Source(str(file.absolute()), given=str(file)))
        elif path.suffix.lower() == ".zip" and path.is_file():
            sources.extend(_archive_members(path))
        else:
            sources.append(Source(str(path.absolute()), given=str(path)))
    return sources


def read_source(source: Source) -> Outcome:
    """Read one source into a Document (the worker function of ``parse``)."""
    try:
        return Outcome(source, read_bytes(source.load(), source.label))
    except NotAGoalDocument as error:
        return Outcome(source, error=error.message)


def run_batch(work: Callable[[Source], T], sources: list[Source], *, jobs: int | None = None,
              scheduler: str | None = None, description: str = "处理中") -> Iterator[T]:
    """``work`` applied to every source, yielded in input order as results arrive.

    ``jobs`` worker processes (default: all cores; 1: in this process), or a Dask cluster when ``scheduler`` is
    ``local`` or an address such as ``tcp://host:8786``. A progress bar is shown on a terminal only.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError("--jobs 至少为 1")
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=stderr, transient=True, disable=not stderr.is_terminal or len(sources) < 2)
    with progress:
        task = progress.add_task(description, total=len(sources))
        for result in _results(work, sources, jobs, scheduler):
            progress.advance(task)
            yield result


def _results(work: Callable[[Source], T], sources: list[Source], jobs: int, scheduler: str | None) -> Iterator[T]:
    if scheduler is not None:
        yield from _on_dask(work, sources, jobs, scheduler)
    elif jobs == 1 or len(sources) < 2:
        yield from map(work, sources)
    else:
        from concurrent.futures import ProcessPoolExecutor

        # The work (a partial holding the review profile, a few kB) is handed to each worker once, when it starts,
        # rather than pickled with every input: per input only the source goes out and its result comes back.
        with ProcessPoolExecutor(max_workers=min(jobs, len(sources)), initializer=_install,
                                 initargs=(work,)) as pool:
            yield from _windowed(pool.submit, _installed, sources, jobs)


# The work function of this worker process, set by _install when the process starts.
_work: Callable[[Source], Any] | None = None


def _install(work: Callable[[Source], Any]) -> None:
    global _work
    _work = work


def _installed(chunk: list[Source]) -> list[Any]:
    return _apply(_work, chunk)


def _apply(work: Callable[[Source], T], chunk: list[Source]) -> list[T]:
    return [work(source) for source in chunk]


def _chunk_size(inputs: int, workers: int) -> int:
    """Inputs per task: up to CHUNK, fewer when there are too few inputs to give every worker several tasks."""
    return max(1, min(CHUNK, inputs // (workers * WINDOW_PER_WORKER)))


def _windowed(submit: Callable[..., Any], work: Callable[[list[Source]], list[T]], sources: list[Source],
              workers: int) -> Iterator[T]:
    """``work`` on chunks of ``sources``, at most ``WINDOW_PER_WORKER`` chunks per worker submitted at once;
    results yielded one by one in input order."""
    size = _chunk_size(len(sources), workers)
    pending: deque = deque()
    for start in range(0, len(sources), size):
        pending.append(submit(work, sources[start:start + size]))
        if len(pending) >= workers * WINDOW_PER_WORKER:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _on_dask(work: Callable[[Source], T], sources: list[Source], jobs: int, scheduler: str) -> Iterator[T]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("使用 --scheduler 需要安装 Dask：pip install 'jixiao[dask]'") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        try:
            # Dask's own setting (distributed.comm.timeouts.connect, 30 s unless configured, e.g. by the
            # DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT variable) says how long to wait for a busy scheduler.
            client = Client(scheduler)
        except (OSError, TimeoutError) as error:
            raise UsageError(f"无法连接 Dask 调度器 {scheduler}（{error}）") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # pure=False: two equal sources (the same file given twice) are still two tasks, as with --jobs.
        # Sent to every worker once; each task then names it by its future instead of carrying its own copy.
        shared = client.scatter(work, broadcast=True)
        yield from _windowed(lambda fn, chunk: client.submit(fn, shared, chunk, pure=False), _apply, sources,
                             workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""How much a reader may take from one file: sizes, XML nodes, cells, pages and time, in one settings object.

Hostile files are small on the way in and huge once read: a 187 KB .docx that unpacks to 100 MB of ``<w:p/>``,
a 12 KB .xlsx merging A1:XFD1048576. So every limit is enforced while the file streams, before the cost is
paid: zip members are judged by the central directory and again while they decompress, XML nodes are counted
in the bytes before lxml builds them, a merged range's area is checked before it is expanded. A file over a
limit is refused with :class:`LimitExceeded`, a :class:`NotAGoalDocument` whose message names the limit, so the
CLI exits 2 and the web shows the message.

Counting nodes: every element, comment and processing instruction starts with ``<``, and text nodes lie
between them, so twice the number of ``<`` bounds the nodes lxml can build. Counting a byte in C is far cheaper
than an event per node from ``iterparse``, which would cost more than the parse itself.

Time: one :class:`Deadline` per read, from the first byte to the finished sheets, whatever the format. The
container reader (pages, worksheets, rows, XML chunks; a .doc or .xls converted by LibreOffice waits only for what
is left of it) and then the reading pipeline (every line of its heavier steps: tokens, run-together tables, tables
turned over, prose, regions and rows, sentences; the light ones between steps) check the same one. A read whose
time is spent is refused with a :class:`LimitExceeded` saying where it had got to (``读取超时：…读到第2个表格第5行时
仍未读完``). Time is checked between steps, not by interrupting a library call or a regular expression in
progress: the other limits keep each step small. Patterns are kept from backtracking on hostile text instead
(tests/documents/test_pattern_time.py runs every module-level pattern of documents and review on it; the one that is
exponential on a failing match, doubled figures, only looks at runs up to 32 characters). A single cell's text is
bounded too (``cell_chars``, checked once the reader or the text's tokenizer has made the cells, before any pattern
reads them): a cell of a hundred thousand characters could keep one polynomial search busy past the time limit, and
no real cell comes near it (the longest line of the corpus is about a thousand characters).
"""

from __future__ import annotations

import io
import math
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao.documents.errors import LimitExceeded, NotAGoalDocument
from jixiao.model.office_archive import ZIP_ERRORS

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["ReadLimits", "DEFAULT_LIMITS", "Deadline", "UNTIMED", "LimitedZip", "check_archive", "check_upload",
           "hand_over"]

_MB = 1024 * 1024
# The clock of every deadline (a test moves its own): the processor time of the reading thread, not the wall clock.
# A file that makes the reader spin spends processor time all the same, while on a server busy with other requests
# (the web reads uploads in several threads at once) a wall clock would refuse a file that a quieter moment reads.
_now = time.thread_time
# A clock the reading thread's processor time never outruns, far cheaper to ask (in a virtual machine the thread's
# processor time is a system call costing microseconds, asked at every line of a read): while it says that less than
# the time left has passed since the processor time was last asked, the processor time cannot be spent, and is not
# asked. A test moving ``_now`` moves this clock too.
_bound = time.perf_counter
# (the processor time is accounted in steps; the bound is not trusted this close to the end)
_SLACK = 0.05
_CHUNK = 1024 * 1024
# A small member may legitimately compress very well (a run of spaces); the ratio is judged above this size.
_RATIO_FLOOR = _MB


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The limits one read of one file works within. The defaults fit every real goal document seen, with
    room to spare: the largest real .docx body is a few MB and a few hundred thousand nodes."""

    upload_bytes: int = 50 * _MB
    member_bytes: int = 64 * _MB  # one zip member, uncompressed
    total_bytes: int = 256 * _MB  # all zip members, uncompressed
    compression_ratio: int = 100  # uncompressed / compressed size of a member over 1 MB
    xml_nodes: int = 2_000_000  # of one XML part
    cells: int = 1_000_000  # a worksheet's used range (rows × columns)
    merge_area: int = 100_000  # cells one merged range covers
    pdf_pages: int = 500
    seconds: float = 60.0
    cell_chars: int = 20_000  # one cell's text (a text line's, a paragraph's): twenty times the longest real one

    def refuse(self, source: str, limit: str, found: str) -> LimitExceeded:
        """The error for ``source`` going over ``limit`` (a field name), with what was found."""
        label, shown = _LABELS[limit](getattr(self, limit))
        return LimitExceeded(source, limit, f"超出读取限制：{label}最多{shown}，而{found}；文件可能已损坏或被恶意构造")


DEFAULT_LIMITS = ReadLimits()


def _size(value: int) -> str:
    return f" {value / _MB:g} MB" if value >= _MB else f" {value} 字节"


_LABELS = {
    "upload_bytes": lambda v: ("文件大小", _size(v)),
    "member_bytes": lambda v: ("压缩包内单个部件解压后", _size(v)),
    "total_bytes": lambda v: ("解压后总大小", _size(v)),
    "compression_ratio": lambda v: ("压缩比", f" {v} 倍"),
    "xml_nodes": lambda v: ("单个 XML 部件的节点数", f" {v:,} 个"),
    "cells": lambda v: ("一个工作表的单元格", f" {v:,} 个"),
    "merge_area": lambda v: ("一个合并单元格覆盖", f" {v:,} 个单元格"),
    "pdf_pages": lambda v: ("PDF 页数", f" {v} 页"),
    "seconds": lambda v: ("读取时间", f" {v:g} 秒"),
    "cell_chars": lambda v: ("单个单元格的文字", f" {v:,} 个字"),
}


def check_upload(size: int, source: str, limits: ReadLimits) -> None:
    """Refuse a file larger than the upload limit before it is read into memory."""
    if size > limits.upload_bytes:
        raise limits.refuse(source, "upload_bytes", f"本文件有{_size(size)}")


def check_archive(data: bytes, source: str, kind: str, limits: ReadLimits = DEFAULT_LIMITS) -> None:
    """Refuse an Office file the way the readers would (too large, damaged, members too large or compressed too
    well) before a library without limits unpacks it: openpyxl, reading a filled self-evaluation template, would
    unpack a 390 KB upload holding one 400 MB shared string into 800 MB of memory. The sizes checked are the
    directory's, which zipfile never unpacks past."""
    check_upload(len(data), source, limits)
    LimitedZip(data, source, limits, kind)


class Deadline:
    """The time one read may take, from its first byte to its finished sheets: the container reader and every step of
    the reading pipeline share one. :meth:`check` between steps refuses the file once the time is spent; the patterns
    of those steps take a time that grows with a cell's length, which :meth:`check_cell` bounds."""

    __slots__ = ("_end", "_limits", "_source", "_unspent_until")

    def __init__(self, source: str, limits: ReadLimits) -> None:
        self._source = source
        self._limits = limits
        self._end = _now() + limits.seconds
        self._unspent_until = _bound() + limits.seconds - _SLACK  # (on ``_bound``: before it the time cannot be up)

    def check(self, at: object = None) -> None:
        """Raise LimitExceeded when the time is up, naming ``at``, where the read stands: a line or row (its
        ``table``, ``row`` or ``line``), a text line's number, or a place in words."""
        if _bound() < self._unspent_until:
            return
        now = _now()
        if now > self._end:
            raise self.spent(at)
        self._unspent_until = _bound() + (self._end - now) - _SLACK

    @property
    def limits(self) -> ReadLimits:
        """The limits of the read."""
        return self._limits

    def check_cell(self, text: str, at: object = None, column: int | None = None) -> None:
        """Raise LimitExceeded when one cell's ``text`` is longer than the limit, naming where it stands (``at``, as
        :meth:`check` takes it, and its 0-based ``column``) and how it begins."""
        if len(text) > self._limits.cell_chars:
            where = _place(at) + (f"第{column + 1}列" if column is not None else "")
            found = f"{where or '一个'}的单元格（“{text.strip()[:_OPENING]}…”）有 {len(text):,} 个字"
            raise self._limits.refuse(self._source, "cell_chars", found)

    def remaining(self) -> float:
        """The seconds left (none once the time is spent): a conversion in another process (LibreOffice) gets them as
        wall-clock time, since its work is not this thread's."""
        return max(self._end - _now(), 0.0)

    def spent(self, at: object = None) -> LimitExceeded:
        """The refusal of the read, its time spent at ``at`` (as :meth:`check` takes it)."""
        label, shown = _LABELS["seconds"](self._limits.seconds)
        where = _place(at)
        return LimitExceeded(self._source, "seconds", f"读取超时：{label}最多{shown}，{f'在{where}时' if where else ''}"
                                                      "仍未读完；文件可能已损坏或被恶意构造")


_OPENING = 12  # characters of a cell over the limit its refusal quotes, for the user to find it

# The deadline of a step called on its own (a test, a tool): no time limit. A read always has a real one.
UNTIMED = Deadline("", ReadLimits(seconds=math.inf))


def _place(at: object) -> str:
    """Where a read stands, in words: 第2个表格第5行, 第17行 (a text line), or the words given."""
    if at is None or isinstance(at, str):
        return at or ""
    if isinstance(at, int):
        return f"第{at}行"
    table, row, line = (getattr(at, name, None) for name in ("table", "row", "line"))
    if row is not None:
        return f"第{table}个表格第{row}行" if table is not None else f"第{row}行"
    if line is not None:
        return f"第{line}行"
    return f"第{table}个表格" if table is not None else ""


# The archive the format sniffer opened, handed to the reader of the same bytes (per thread: the web reads uploads
# in several threads at once).
_handed = threading.local()


def hand_over(data: bytes, archive: zipfile.ZipFile) -> None:
    """Give ``archive``, just opened on ``data`` to see what it holds, to the next :class:`LimitedZip` of ``data``:
    reading its central directory again costs as much as a small worksheet's cells."""
    _handed.archive = (data, archive)


def _taken(data: bytes) -> zipfile.ZipFile | None:
    handed = getattr(_handed, "archive", None)
    _handed.archive = None
    return handed[1] if handed is not None and handed[0] is data else None


class LimitedZip:
    """A zip archive (.docx, .xlsx) whose members are checked against the limits from the central directory on
    opening, and again while they decompress (a directory can lie about sizes)."""

    def __init__(self, data: bytes, source: str, limits: ReadLimits, kind: str) -> None:
        self.source = source
        self.limits = limits
        self._kind = kind  # "Word" or "Excel", for messages
        try:
            self.archive = _taken(data) or zipfile.ZipFile(io.BytesIO(data))
        except ZIP_ERRORS:
            raise self.damaged("压缩包不完整") from None
        total = 0
        for member in self.archive.infolist():
            self._check_size(member.filename, member.file_size, member.compress_size)
            total += member.file_size
            if total > limits.total_bytes:
                raise limits.refuse(source, "total_bytes", f"本文件解压后超过{_size(total)}")

    def damaged(self, why: str) -> NotAGoalDocument:
        """The error for a damaged archive."""
        return NotAGoalDocument(self.source, f"{self._kind} 文件已损坏（{why}），无法读取")

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        if size > self.limits.member_bytes:
            raise self.limits.refuse(self.source, "member_bytes", f"部件 {name} 解压后有{_size(size)}")
        if size > _RATIO_FLOOR and size > self.limits.compression_ratio * max(compressed, 1):
            raise self.limits.refuse(self.source, "compression_ratio",
                                     f"部件 {name} 的压缩比为 {size // max(compressed, 1)} 倍")

    def has(self, name: str) -> bool:
        """Whether the archive holds the member ``name``."""
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in chunks, refusing it as soon as it grows past its limits or its markup past
        the node limit."""
        info = self.archive.getinfo(name)
        size = markup = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._check_size(name, size, info.compress_size)
                    markup += chunk.count(b"<")
                    if markup * 2 > self.limits.xml_nodes:
                        raise self.limits.refuse(self.source, "xml_nodes", f"部件 {name} 超过此数")
                    yield chunk
        except ZIP_ERRORS:
            raise self.damaged(f"部件 {name} 无法解压") from None

    def read(self, name: str) -> bytes:
        """The whole member, within the limits."""
        info = self.archive.getinfo(name)
        if info.file_size > _CHUNK:
            return b"".join(self.chunks(name))
        # zipfile never returns more than the directory's size, checked on opening: one read is enough
        try:
            data = self.archive.read(info)
        except ZIP_ERRORS:
            raise self.damaged(f"部件 {name} 无法解压") from None
        if data.count(b"<") * 2 > self.limits.xml_nodes:
            raise self.limits.refuse(self.source, "xml_nodes", f"部件 {name} 超过此数")
        return data

    def parse(self, name: str, deadline: Deadline | None = None) -> etree._Element:
        """The member parsed as XML (entities unresolved, no network), within the limits."""
        # lxml is imported with the office readers that parse XML, not by every command that knows the limits
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            if self.archive.getinfo(name).file_size <= _CHUNK:
                root = etree.fromstring(self.read(name), parser)
                if deadline:
                    deadline.check()
                return root
            for chunk in self.chunks(name):
                parser.feed(chunk)
                if deadline:
                    deadline.check()
            return parser.close()
        except etree.XMLSyntaxError as error:
            raise self.damaged(f"部件 {name} 的 XML 格式错误：{error.msg}") from None

"""Importing documents: read the uploaded files (or a .zip of them), show what was read, then store it all or nothing."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from jixiao.documents import SUPPORTED_SUFFIXES, NotAGoalDocument, read_bytes
from jixiao.model import Document, GoalSheet
from jixiao.model import Unit as UnitRef
from jixiao.model.office_archive import ZIP_ERRORS
from jixiao.web.organisation.models import Unit
from jixiao.web.organisation.selectors import can_edit_unit, member_get
from jixiao.web.sheets.errors import ImportRefused, SheetError
from jixiao.web.sheets.models import PendingImport, Sheet, Status, UnitGoals
from jixiao.web.sheets.services.review import Outcome, check_document
from jixiao.web.sheets.services.sheets import NewSheet, sheet_prepare, sheets_store
from jixiao.web.uploads import MB, max_upload_bytes, too_large

__all__ = ["ReadFile", "check_unit", "import_confirm", "import_conflicts", "import_preview", "import_unit_mismatches",
           "import_year_mismatches", "read_uploads", "sheets_import", "unit_mismatch", "year_mismatch"]

@dataclass
class ReadFile:
    """One file of an upload: the document read from it, or why it could not be read."""

    name: str
    document: Document | None = None
    error: str = ""
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def sheets(self) -> list[tuple[object, Outcome]]:
        """Each sheet read with its review outcome."""
        return list(zip(self.document.sheets, self.outcomes)) if self.document else []

    @property
    def loose(self) -> list[Outcome]:
        """The outcome of findings about no single sheet, if any."""
        return self.outcomes[len(self.sheets):]


def read_uploads(files: list[tuple[str, bytes]], progress: Callable[[int, int], None] | None = None) -> list[ReadFile]:
    """Read every uploaded file, expanding .zip archives; a file that cannot be read carries its error.

    ``progress(done, total)`` is called after each file is read (``total`` counts the files inside archives).
    """
    pending: list[ReadFile | Callable[[], ReadFile]] = []
    for name, data in files:
        if name.lower().endswith(".zip"):
            pending += _zip_members(name, data)
        else:
            pending.append(partial(_read_one, name, data))
    results = []
    for done, item in enumerate(pending, start=1):
        results.append(item if isinstance(item, ReadFile) else item())
        if progress:
            progress(done, len(pending))
    return results


def import_conflicts(unit: Unit, year: int, read: list[ReadFile]) -> list[str]:
    """Projects the upload would add a second time, in words: already stored for the unit and year (not deleted),
    or found twice in the upload. A project is known by its code, or by its name when it has none."""
    stored = {
        code or name: Status(status).label
        for code, name, status in Sheet.objects.filter(unit=unit, year=year, deleted_at__isnull=True)
        .values_list("code", "name", "status")
    }
    seen: dict[str, str] = {}
    conflicts = []
    for item in read:
        for content in item.document.sheets if item.document else []:
            key = content.code or content.name or ""
            if key in stored:
                conflicts.append(f"项目“{key}”在{unit.name}{year}年度已有目标表（{stored[key]}），"
                                 "请在原表上修改，或先删除原表再导入")
            elif key in seen:
                conflicts.append(f"项目“{key}”在上传的文件中出现了两次（{seen[key]}、{item.name}）")
            seen.setdefault(key, item.name)
    return conflicts


def year_mismatch(source: str, content: GoalSheet, year: int) -> str | None:
    """In words, that the table ``content`` of the file ``source`` states another year than the one chosen (the
    import's and the self-evaluation audit's refusal, each adding how to go on); None when it states none or
    ``year``. The table is named by its project's name, else its key, as :func:`unit_mismatch` names it: a file of
    several projects often prints one title above them all, which would name every table alike."""
    if not content.year or content.year == year:
        return None
    return f"{source}：项目“{content.name or content.key}”写的是 {content.year} 年度，所选年度为 {year} 年"


def _each_table(read: list[ReadFile], said: Callable[[ReadFile, GoalSheet], str | None]) -> list[str]:
    """What ``said`` says of each table of the files read, where it says something."""
    return [words for item in read if item.document for content in item.document.sheets
            if (words := said(item, content))]


def import_year_mismatches(year: int, read: list[ReadFile]) -> list[str]:
    """Sheets whose file states another budget year than the one chosen, in words."""
    return _each_table(read, lambda item, content: year_mismatch(item.name, content, year))


def unit_mismatch(source: str, content: GoalSheet, document_unit: UnitRef | None, unit: Unit) -> str | None:
    """In words, that the table ``content`` of the file ``source`` (or the file, for a table that names no unit)
    names another unit than ``unit``, the one chosen; None when it names none or a name that may be ``unit``'s."""
    printed = content.unit or document_unit
    if printed is None or not printed.differs_from(unit.code, unit.name):
        return None
    named = " ".join(part for part in (printed.code, printed.name) if part)
    return f"{source}：项目“{content.name or content.key}”写的单位是“{named}”，所选单位为“{unit.name}”"


def import_unit_mismatches(unit: Unit, read: list[ReadFile]) -> list[str]:
    """Sheets whose file names another unit than the one chosen, in words."""
    return _each_table(read, lambda item, content: unit_mismatch(item.name, content, item.document.unit, unit))


def import_preview(*, user, unit: Unit, year: int, files: list[tuple[str, bytes]]) -> tuple[PendingImport, list[ReadFile]]:
    """Read the files and keep what was read until the user confirms; nothing is imported yet."""
    check_unit(user, unit)
    read = read_uploads(files)
    PendingImport.objects.filter(user=user).delete()  # an unconfirmed earlier preview is abandoned
    pending = PendingImport.objects.create(user=user, unit=unit, year=year, files=[
        # The document as JSON text: PostgreSQL's jsonb would reorder the keys of its objects, and a row's other
        # columns (``extra``) are kept in the form's order.
        {"name": f.name, "error": f.error, "document": f.document.model_dump_json() if f.document else None}
        for f in read
    ])
    return pending, read


def import_confirm(*, user, pending_id: int, accept_year: bool = False, accept_unit: bool = False) -> list[Sheet]:
    """Import what a preview read, all or nothing; sheets of another year than chosen only with ``accept_year``,
    sheets naming another unit only with ``accept_unit``."""
    pending = PendingImport.objects.filter(pk=pending_id, user=user).select_related("unit").first()
    if pending is None:
        raise ImportRefused("没有找到待确认的导入，请重新上传")
    read = [ReadFile(name=f["name"], error=f["error"],
                     document=_document(f["document"]) if f["document"] else None)
            for f in pending.files]
    sheets = _store(user, pending.unit, pending.year, read, accept_year=accept_year, accept_unit=accept_unit)
    pending.delete()
    return sheets


def _document(stored: str | dict) -> Document:
    """A previewed document as kept: JSON text (an object, as earlier previews kept it)."""
    return Document.model_validate_json(stored) if isinstance(stored, str) else Document.model_validate(stored)


def sheets_import(*, user, unit: Unit, year: int, files: list[tuple[str, bytes]], accept_year: bool = False,
                  accept_unit: bool = False, progress: Callable[[int, int], None] | None = None) -> list[Sheet]:
    """Read and import in one step (the API, background imports): all files or none; ``progress`` as in
    :func:`read_uploads`."""
    check_unit(user, unit)
    return _store(user, unit, year, read_uploads(files, progress), accept_year=accept_year, accept_unit=accept_unit)


def _store(user, unit: Unit, year: int, read: list[ReadFile], *, accept_year: bool, accept_unit: bool) -> list[Sheet]:
    """Check, review, then store, all or nothing. Everything slow happens before the transaction, which only
    writes (on SQLite every other writer waits for it) after checking again what another writer may have changed
    meanwhile (the person's right, the unit's projects)."""
    check_unit(user, unit)
    _refuse(unit, year, read, accept_year=accept_year, accept_unit=accept_unit)
    new = [_prepare(user, unit, year, item, content) for item in read for content in item.document.sheets]
    if not new:
        raise ImportRefused("上传的文件中没有项目绩效目标表")
    with transaction.atomic():
        # Two imports into one unit take turns here (PostgreSQL), so neither misses the other's projects.
        Unit.objects.select_for_update().filter(pk=unit.pk).values_list("pk").first()
        check_unit(user, unit)
        _refuse_conflicts(unit, year, read)
        sheets = sheets_store(user=user, new=new)
        for item in read:
            overall = item.document.overall
            if overall is not None and not overall.is_empty:
                UnitGoals.objects.update_or_create(unit=unit, year=year, defaults={
                    "aims": overall.aims, "duties": overall.duties, "measures": overall.measures,
                    "source": item.name})
    return sheets


def _refuse(unit: Unit, year: int, read: list[ReadFile], *, accept_year: bool, accept_unit: bool) -> None:
    """Refuse (:class:`ImportRefused`, naming every file or project) an upload that cannot be imported as a whole."""
    failed = [f for f in read if f.error]
    if failed:
        raise ImportRefused("以下文件无法读取，整批未导入：" + "；".join(f"{f.name}：{f.error}" for f in failed))
    if not read:
        raise ImportRefused("没有上传文件")
    _refuse_conflicts(unit, year, read)
    other_years = import_year_mismatches(year, read)
    if other_years and not accept_year:
        raise ImportRefused("整批未导入，文件中的年度与所选年度不同：" + "；".join(other_years)
                            + "。请选择正确的年度重新上传，或确认按所选年度导入（导入页勾选“仍按所选年度导入”）")
    other_units = import_unit_mismatches(unit, read)
    if other_units and not accept_unit:
        # Stored under the unit chosen, another unit's table would be reviewed, approved and published as its own.
        raise ImportRefused("整批未导入，文件中写的单位与所选单位不同：" + "；".join(other_units)
                            + "。请选择正确的单位重新上传，或确认导入到所选单位（导入页勾选“仍导入到所选单位”）")


def _refuse_conflicts(unit: Unit, year: int, read: list[ReadFile]) -> None:
    conflicts = import_conflicts(unit, year, read)
    if conflicts:
        raise ImportRefused("整批未导入：" + "；".join(conflicts))


def _prepare(user, unit: Unit, year: int, item: ReadFile, content: GoalSheet) -> NewSheet:
    try:
        return sheet_prepare(user=user, unit=unit, year=year, content=content, source=item.name, action="import",
                             read_from=item.document)
    except SheetError as error:  # a value its column cannot hold, e.g. a project name of 300 characters
        raise ImportRefused(f"{item.name} 项目“{content.key[:50]}”{error.message}，整批未导入") from None


def check_unit(user, unit: Unit) -> None:
    """Refuse (PermissionDenied) an import into a unit ``user`` may not edit."""
    if not can_edit_unit(member_get(user), unit.pk):
        raise PermissionDenied("无权为该单位导入")


def _read_one(name: str, data: bytes) -> ReadFile:
    if not name.lower().endswith(SUPPORTED_SUFFIXES):
        return ReadFile(name=name, error=f"不支持的文件类型（可导入 {' '.join(SUPPORTED_SUFFIXES)} 或 .zip）")
    try:
        document = read_bytes(data, name)
    except NotAGoalDocument as error:
        return ReadFile(name=name, error=error.reason)
    if not document.sheets and document.overall is None:
        # a report in prose (document.prose): nothing to import; `jixiao check` reviews its sentences
        return ReadFile(name=name, error="文件中没有找到绩效目标表，只有正文叙述，没有可导入的表")
    return ReadFile(name=name, document=document, outcomes=check_document(document))


def _zip_members(name: str, data: bytes) -> list[ReadFile | Callable[[], ReadFile]]:
    """How to read each file of an archive, after checking from its directory (before unpacking anything) that there are
    not too many and that they are not too large unpacked. zipfile never unpacks more than a member's declared
    size, and a member that unpacks to anything else fails its checksum."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return [ReadFile(name=name, error="压缩包已损坏，无法打开")]
    members = [m for m in archive.infolist() if not m.is_dir() and not PurePosixPath(m.filename).name.startswith(".")]
    if len(members) > settings.JIXIAO_MAX_ZIP_MEMBERS:
        return [ReadFile(name=name, error=f"压缩包中有 {len(members)} 个文件，超过了 {settings.JIXIAO_MAX_ZIP_MEMBERS} "
                                          "个的上限（JIXIAO_MAX_ZIP_MEMBERS），未解压")]
    unpacked = sum(m.file_size for m in members)
    if unpacked > settings.JIXIAO_MAX_UNZIPPED_MB * MB:
        return [ReadFile(name=name, error=f"压缩包解压后共 {unpacked / MB:.1f} MB，超过了 {settings.JIXIAO_MAX_UNZIPPED_MB} "
                                          "MB 的上限（JIXIAO_MAX_UNZIPPED_MB），未解压")]
    return [partial(_read_member, archive, f"{name}/{member.filename}", member) for member in members]


def _read_member(archive: zipfile.ZipFile, name: str, member: zipfile.ZipInfo) -> ReadFile:
    if member.file_size > max_upload_bytes():
        return ReadFile(name=name, error=too_large(name))
    try:
        data = archive.read(member)
    except ZIP_ERRORS as error:
        # A damaged member (bad checksum or compressed data), an encrypted one, an unknown compression method.
        return ReadFile(name=name, error=f"无法从压缩包中解压（{error.__class__.__name__}）")
    return _read_one(name, data)

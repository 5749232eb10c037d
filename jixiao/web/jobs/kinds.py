"""What a kind of background job is: one small class per kind (an export of a bureau's year, an audit of many
files), registered in :mod:`jixiao.web.jobs.registry`.

A kind checks who may start it and see its result (again on every view of the job, so a person who lost the right
loses the result too), says what the job covers, and does the work with a progress callback. A kind reports a
refusal or a failure the user can act on as :class:`~jixiao.web.sheets.errors.SheetError` (in Chinese); the work
of a failed job leaves nothing behind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode

from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Member, Unit
from jixiao.web.organisation.selectors import units_visible

__all__ = ["JobKind", "Outcome", "Progress", "export_stem", "page_of_year", "refuse_unit_unseen", "unit_name"]

# ``progress(done, total)``: items done so far out of all items.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Outcome:
    """What a job produced: a message for the user and, for an export, the file (its bytes, the download name
    without extension and its format, a key of :data:`jixiao.web.downloads.CONTENT_TYPES`)."""

    message: str
    data: bytes | None = None
    stem: str = ""
    fmt: str = ""


class JobKind(ABC):
    """One kind of background job."""

    code: ClassVar[str]  # permanent: stored on every job of this kind
    label: ClassVar[str]  # the page's heading, e.g. 绩效目标表导出
    items: ClassVar[str]  # what the progress counts, e.g. 张表
    finishing: ClassVar[str] = "正在生成结果"  # what happens once every item is done
    back_label: ClassVar[str] = "返回"  # the link to :meth:`back` once the job has succeeded
    uploaded: ClassVar[bool] = False  # started by its page with uploaded files, which go once the job has ended

    def params_from(self, data) -> dict:
        """The job's parameters from the start button's form (``QueryDict``); a malformed one raises
        :class:`~jixiao.web.errors.BadQuery` (400). A kind started by its own page (an upload) has no button: 404."""
        raise Http404("没有这种后台任务")

    @abstractmethod
    def check(self, member: Member | None, params: dict) -> None:
        """Raise ``PermissionDenied`` unless ``member`` may start this job and see its result."""

    @abstractmethod
    def describe(self, params: dict) -> str:
        """What the job covers, in Chinese (the page's subtitle, the audit log's detail)."""

    @abstractmethod
    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        """Do the work; raise ``SheetError`` with a Chinese message when it cannot be done."""

    @abstractmethod
    def back(self, params: dict) -> str:
        """The page the job was started from (and where its result is seen, for an audit)."""


def refuse_unit_unseen(member: Member | None, unit_id: int | None, message: str) -> None:
    """Raise ``PermissionDenied(message)`` when a job names a unit ``member`` cannot see."""
    if unit_id and not units_visible(member).filter(pk=unit_id).exists():
        raise PermissionDenied(message)


def unit_name(unit_id: int | None, otherwise: str) -> str:
    """The name of the unit a job covers, or ``otherwise`` when it covers every unit."""
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
    return unit.name if unit else otherwise


def export_stem(scope: str, year: int, what: str) -> str:
    """An export's download name without its extension (the extension says the format): whose, which year and
    what, as 遵化市西留村乡人民政府-2026年度绩效目标表. ``scope`` is user text: the download makes the whole
    name safe (:func:`jixiao.web.downloads.safe_filename`), and the job's page shows it made safe the same way."""
    return f"{scope}-{year}年度{what}"


def page_of_year(url_name: str, params: dict) -> str:
    """The page ``url_name`` for the job's year (and unit, when it names one)."""
    query = {"year": params["year"], **({"unit": params["unit"]} if params.get("unit") else {})}
    return f"{reverse(url_name)}?{urlencode(query)}"

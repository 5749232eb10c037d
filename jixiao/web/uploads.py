"""Upload limits: one place for how large a request, an uploaded file and an unpacked .zip may be.

The limits are settings (``JIXIAO_MAX_UPLOAD_MB`` per file, ``JIXIAO_MAX_REQUEST_MB`` per request, and
``JIXIAO_MAX_ZIP_MEMBERS`` / ``JIXIAO_MAX_UNZIPPED_MB`` for an archive). A request whose declared length is
over the limit is refused before its body is read. A body sent without a declared length cannot grow past it
either: Django reads none of it under gunicorn, and ``jixiao serve`` gives waitress the same limit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError

from jixiao.web.errors import refusal
from jixiao.web.sheets.errors import SheetError

__all__ = ["UploadLimitMiddleware", "UploadRefused", "max_request_bytes", "max_upload_bytes", "upload_bytes",
           "validate_upload_size"]

MB = 1024 * 1024


class UploadRefused(SheetError):
    """An uploaded file over the per-file limit."""


def max_upload_bytes() -> int:
    """The largest file (also a member of a .zip, unpacked) that may be uploaded."""
    return settings.JIXIAO_MAX_UPLOAD_MB * MB


def max_request_bytes() -> int:
    """The largest request body (all files of one upload together, with the form around them)."""
    return settings.JIXIAO_MAX_REQUEST_MB * MB


def too_large(name: str) -> str:
    """The refusal of file ``name``, naming the limit."""
    return f"文件“{name}”超过了单个文件 {settings.JIXIAO_MAX_UPLOAD_MB} MB 的上限（JIXIAO_MAX_UPLOAD_MB），未读取"


def validate_upload_size(upload) -> None:
    """A form field validator: the uploaded file is within the per-file limit."""
    if upload is not None and upload.size > max_upload_bytes():
        raise ValidationError(too_large(upload.name))


def upload_bytes(upload) -> bytes:
    """The content of an uploaded file, refused with :class:`UploadRefused` when it is over the limit."""
    if upload.size > max_upload_bytes():
        raise UploadRefused(too_large(upload.name))
    return upload.read()


class UploadLimitMiddleware:
    """Refuse a request whose declared body is over ``JIXIAO_MAX_REQUEST_MB`` with 413, before reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_request_bytes():
            return refusal(request, f"上传的内容共 {length / MB:.1f} MB，超过了每次上传 "
                                    f"{settings.JIXIAO_MAX_REQUEST_MB} MB 的上限（JIXIAO_MAX_REQUEST_MB），未接收", 413)
        return self.get_response(request)

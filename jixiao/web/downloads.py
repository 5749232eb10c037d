"""File downloads (each one an audit event): the bytes go to the client, the user-supplied name only into ``Content-Disposition``.

Names of sheets and units are user text. They never become a path on the server (exports are rendered in
memory), and the download name is reduced to a safe file name: no directory parts, no control or reserved
characters, no leading dots, bounded length.
"""

from __future__ import annotations

import re
import unicodedata

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import DOWNLOAD

__all__ = ["CONTENT_TYPES", "attachment", "safe_filename"]

CONTENT_TYPES = {
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}

# Path separators, characters Windows forbids in names, and every control character.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_MAX_STEM = 120


def safe_filename(stem: str, suffix: str, fallback: str = "jixiao") -> str:
    """``stem.suffix`` as a file name that cannot name a directory or another path on any system."""
    text = unicodedata.normalize("NFC", stem or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"})
    text = _UNSAFE.sub("_", text).strip(" ._")
    text = re.sub(r"_{2,}", "_", text)[:_MAX_STEM].strip(" ._")
    return f"{text or fallback}.{suffix}"


def attachment(data: bytes, stem: str, fmt: str, fallback: str = "jixiao") -> HttpResponse:
    """A download of ``data`` named ``stem.fmt`` (made safe); ``fmt`` is a key of CONTENT_TYPES."""
    name = safe_filename(stem, fmt, fallback)
    audit_record(DOWNLOAD, details={"file": name, "format": fmt, "bytes": len(data)})
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response

"""Turning the bytes of a text file into text, or saying why they are not text."""

from __future__ import annotations

import re

from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import NotAGoalDocument
from jixiao.model import Diagnostic, Location

__all__ = ["decode_text"]

_CONTROL_LIMIT = 0.01
# control characters other than the whitespace ones (TAB, LF, VT, FF, CR): one scan in C, not a loop in Python
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_text(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode UTF-8 (with or without BOM) or, failing that, GB18030, the encoding of older Windows exports."""
    if b"\x00" in data[:4096]:
        raise NotAGoalDocument(source, "不是文本文件，也不是 Word、Excel、PDF 或网页文件，无法读取")
    diagnostics: list[Diagnostic] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise NotAGoalDocument(source, "文件编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）") from None
        diagnostics.append(diagnostic("P109", Location(file=source), encoding="GB18030"))
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _CONTROL_LIMIT:
        raise NotAGoalDocument(source, "不是文本文件（含有大量控制字符），无法读取")
    return text.replace("\r\n", "\n").replace("\r", "\n"), diagnostics

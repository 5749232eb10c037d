"""Personal data in published tables (预算公开): what is masked before anything reaches the public.

Published goal tables and self-evaluations must not carry personal data (个人信息保护法 第二十八条 and the
公开 rules that exclude it): the names of 联系人/填报人/负责人, and any phone number, ID-card number or e-mail
address found anywhere in the text. Masking is done once, on the content that is stored for publication, so
no page, download or data file can leak what an editor overlooked.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

__all__ = ["MASK", "mask_model", "mask_text", "personal_data"]

MASK = "〔已隐去〕"

_NOT_CODE = r"(?<![0-9A-Za-z])"
_END = r"(?![0-9A-Za-z])"
# Mobile numbers (with optional +86 and separators), already-redacted runs such as 1XXXXXXXXXX, landlines with
# an area code, ID-card numbers (18 characters, the last a digit or X), e-mail addresses.
_PATTERNS = (
    re.compile(_NOT_CODE + r"(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}" + _END),
    re.compile(_NOT_CODE + r"1[X*x]{10}" + _END),
    re.compile(_NOT_CODE + r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]" + _END),
    re.compile(_NOT_CODE + r"\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:-\d{1,5})?" + _END),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
)
# A person's name after the label that introduces it: 联系人：张三, 联系人及电话 田苗苗,1XX…, 填报人 李四.
_ROLE = r"(?:项目)?(?:联系人|填报人|填表人|负责人|经办人|审核人|制表人)(?:及(?:联系)?电话|姓名)?"
_NAMED = re.compile(rf"({_ROLE}\s*[:：]?\s*)(?!及|电话|姓名|单位|签字|签名|盖章)([\u4e00-\u9fff·]{{2,4}})(?=$|[\s,，、;；:：(（/|]|{re.escape(MASK)}|电话)")

Model = TypeVar("Model", bound=BaseModel)


def mask_text(text: str) -> str:
    """``text`` with phone numbers, ID-card numbers, e-mail addresses and named contacts replaced by MASK."""
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    return _NAMED.sub(lambda match: match.group(1) + MASK, text)


def personal_data(text: str) -> list[str]:
    """The pieces of ``text`` that :func:`mask_text` would hide (for tests and for telling an editor)."""
    found = [match.group(0) for pattern in _PATTERNS for match in pattern.finditer(text)]
    return found + [match.group(2) for match in _NAMED.finditer(text)]


def mask_model(model: Model) -> Model:
    """A copy of ``model`` with every string inside it masked."""
    return type(model).model_validate(_mask_value(model.model_dump(mode="json")))


def _mask_value(value):
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [_mask_value(item) for item in value]
    if isinstance(value, dict):
        # keys too: a dict of cells (an indicator's ``extra``) is keyed by headings taken from the document
        return {_mask_value(key): _mask_value(item) for key, item in value.items()}
    return value

"""What a request may carry: bounds for ids, years, versions and page sizes, types for the API's schemas, and
the database columns' own limits, checked before any write so that a value that does not fit is a refusal
naming the field, never a database error."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from pydantic import AfterValidator, Field, StringConstraints

from jixiao.web.sheets.errors import SheetError

__all__ = ["MAX_ID", "MAX_VERSION", "YEARS", "Finite", "IdConverter", "InvalidValue", "Text", "Version", "Year",
           "columns_check"]

MAX_ID = 2**63 - 1  # a 64-bit primary key
MAX_VERSION = 2**31 - 1
YEARS = (2000, 2100)


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("含有不允许的空字符（\\x00）")
    return text


def Text(max_length: int):  # noqa: N802 - a type, used like one
    """A string of at most ``max_length`` characters without NUL (which PostgreSQL cannot store)."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_no_nul)]


Year = Annotated[int, Field(ge=YEARS[0], le=YEARS[1])]
Version = Annotated[int, Field(ge=1, le=MAX_VERSION)]
Finite = Annotated[Decimal, Field(allow_inf_nan=False)]


class InvalidValue(SheetError):
    """A value its database column cannot hold; ``field`` is the column's name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class IdConverter:
    """``<id:pk>`` in a URL: a database id (1 … 2⁶³−1); anything else matches no URL (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)


def columns_check(model, values: Mapping[str, object], where: str = "") -> None:
    """Refuse (:class:`InvalidValue`, naming the field) a value that its column of ``model`` cannot hold: too long,
    too many digits, not finite, not one of the choices, null where not allowed, or text with NUL characters."""
    for name, value in values.items():
        field = model._meta.get_field(name)
        try:
            field.clean(value, None)
            _nul_check(value)
        except ValidationError as error:
            problems = "；".join(map(_clause, error.messages))
            raise InvalidValue(name, f"{where}“{field.verbose_name}”：{problems}") from None


def _clause(message: str) -> str:
    """One of Django's validation messages as a clause of a longer Chinese sentence: its own full stop (the
    translations end with an ASCII ".") dropped, so that the caller's "，整批未导入" does not follow "."."""
    return message.rstrip("。.")


def _nul_check(value: object) -> None:
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError("含有不允许的空字符（\\x00）")
    if isinstance(value, list | tuple):
        for item in value:
            _nul_check(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _nul_check(key)
            _nul_check(item)

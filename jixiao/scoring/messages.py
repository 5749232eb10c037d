"""Pydantic validation errors in Chinese, for messages about profile files and actuals files."""

from __future__ import annotations

__all__ = ["validation_reason"]

_WORDS = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的设置项（拼写错误？）",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "enum": "不是可选的值",
    "too_short": "至少应有一项",
    "date_from_datetime_parsing": "应为日期（如 2025-06-30）",
    "date_parsing": "应为日期（如 2025-06-30）",
}
_BOUNDS = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<", "less_than_equal": "≤"}


def validation_reason(error: dict) -> str:
    """What one entry of ``ValidationError.errors()`` means, in Chinese, without its location."""
    kind = error["type"]
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in _BOUNDS:
        return f"应 {_BOUNDS[kind]} {next(iter(error['ctx'].values()))}，现为 {error['input']}"
    return _WORDS.get(kind, error["msg"])

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
    "date_type": "应为日期（如 2025-06-30）",
    "finite_number": "应为有限的数（不能是 NaN 或无穷大）",
    "decimal_max_digits": "数字位数过多",
    "decimal_max_places": "小数位数过多",
    "decimal_whole_digits": "整数部分位数过多",
    "string_too_long": "文字过长",
    "string_pattern_mismatch": "含有不允许的字符",
    "dict_type": "应为对象（{…}）",
    "model_type": "应为对象（{…}）",
    "model_attributes_type": "应为对象（{…}）",
    "literal_error": "不是可选的值",
    "json_invalid": "不是有效的 JSON",
    "json_type": "不是有效的 JSON",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "int_from_float": "应为整数",
    "too_long": "项数过多",
}
_BOUNDS = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<", "less_than_equal": "≤"}


def validation_reason(error: dict) -> str:
    """What one entry of ``ValidationError.errors()`` means, in Chinese, without its location."""
    kind = error["type"]
    if kind == "value_error" and "error" in error.get("ctx", {}):
        return str(error["ctx"]["error"])
    if kind in _BOUNDS and error.get("ctx"):
        return f"应 {_BOUNDS[kind]} {next(iter(error['ctx'].values()))}，现为 {_short(error.get('input'))}"
    return _WORDS.get(kind, error["msg"])


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"

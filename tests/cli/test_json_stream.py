"""The JSON a batch command streams is byte for byte what ``json.dumps(indent=2)`` writes, at any depth."""

import json
from enum import IntEnum, StrEnum

import pytest

from jixiao.cli.json_stream import item_text, value_text


class _Grade(StrEnum):
    GOOD = "优"


class _Level(IntEnum):
    HIGH = 3


VALUES = [
    pytest.param({}, id="empty-object"),
    pytest.param([], id="empty-list"),
    pytest.param("项目“乡镇维稳经费”\n缺少\t“预算数”\\\u2028\x01", id="string-escapes"),
    pytest.param({"rule": "JX101", "fix": None, "edits": [], "location": {}, "counts": {"error": 1, "info": 0}},
                 id="finding-shape"),
    pytest.param([True, False, None, 0, -7, 10**30, 0.1, -0.0, 1e100], id="scalars"),
    pytest.param([float("nan"), float("inf"), float("-inf")], id="non-finite"),
    pytest.param({1: "a", 2.5: "b", False: "c", None: "d"}, id="non-string-keys"),
    pytest.param((1, (2, [3, {"a": ()}])), id="tuples"),
    pytest.param([_Grade.GOOD, _Level.HIGH, {_Grade.GOOD: _Level.HIGH}], id="enums"),
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("depth", [0, 1, 3])
def test_value_text_is_json_dumps_indented(value, depth):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert value_text(value, depth) == expected
    assert item_text(value, depth) == "\n" + "  " * (depth + 1) + value_text(value, depth + 1)


def test_value_text_refuses_what_json_refuses():
    with pytest.raises(TypeError, match="set"):
        value_text({"a": [{1, 2}]}, 1)

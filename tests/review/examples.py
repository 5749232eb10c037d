"""Reading the fragments of a rule's docs examples (``RuleDocs.bad`` / ``good``) into a sheet spec.

The docs write an example the way a reviewer quotes a table, and this module understands those forms:

- a pipe row, ``名称 | 指标值``, ``二级 | 名称 | 指标值``, ``一级 | 二级 | 名称 | 指标值`` or with a 指标解释 between
  name and value; cells may be tagged (``指标解释：…``, ``指标值：…``, ``计量单位：…``, ``依据：…``, ``权重 20``) or be a
  direction (``正向``/``反向``); ``…`` stands for a cell the example leaves out;
- ``字段：值`` lines: header fields (标题, 项目名称, 年度, 预算数, 财政资金, 其他资金, 年度目标/绩效目标), the cells of one
  row (指标值, 指标方向性, 绩效指标描述, 权重, 依据; each 指标值 starts a new row), ``权重：20、20、…`` (the weights
  down the table) and ``绩效指标：（空）`` (a sheet without indicators);
- ``；``-separated parts on one line: ``预算数 15.00万元``, ``3月底 30`` (the spending plan), ``名称 ≥18万元``, a
  ``字段：值`` or a pipe row;
- a note in full-width brackets: a whole line is a remark for the reader and is skipped; a leading
  ``（2021年起框架）`` / ``（88号框架）`` sets the profile's framework, ``（要求6月底不低于50%）`` a plan minimum
  (the rule's ``minimums`` parameter); see :func:`profile_settings`.

The result patches the clean base sheet of rule_cases.toml: pipe rows replace its indicator table; rows given
only by fields set the base's rows whose targets are written alike (same kind of unit, same operator; else the
first free row); a list of weights is the whole table's (the base's first rows, one per weight); header fields
replace the base's.
"""

from __future__ import annotations

import re
from typing import Any

from jixiao.documents.interpret.option_lists import read_choice
from jixiao.model import canonical_level1, canonical_level2, parse_target
from jixiao.model.units import UnitKind, unit_kind
from jixiao.model.vocabulary import Framework, level2_parents, written_level2
from tests.review.sheets import ROW_CELLS, patched

__all__ = ["example_spec", "parse_example", "profile_settings"]

EMPTY = "（空）"
_HEADER = {"标题": "title", "项目名称": "name", "年度": "year", "预算数": "total", "财政资金": "fiscal", "其他资金": "other",
           "年度资金总额": "total", "中期资金总额": "period_total", "项目期": "period"}
_AMOUNTS = ("total", "fiscal", "other", "period_total")
# a 中期目标 heading naming the span's years: 中期目标(2023年—2025年)
_SPAN_HEADING = re.compile(r"^中期目标[(（](\d{4})年?[—\-－~至]+(\d{4})年?[)）]$")
_GOALS = ("年度目标", "绩效目标")
# header fields printing options to tick (项目属性：□新增 ■延续): the sheet's choices, read as the reader reads them
_CHOICES = ("项目属性", "项目类型", "项目类别")
# Row fields: the cell of the row (index into a spec row) each names.
_ROW_FIELD = {"绩效指标描述": 3, "指标解释": 3, "指标值": 4, "依据": 5, "权重": 6, "指标方向性": 7, "计量单位": 9,
              "中期指标值": 10}
_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})：(.*)$")
_NOTE = re.compile(r"^（([^（）]*)）")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?")
_PLAN = re.compile(r"^(\d{1,2}月底)\s+(\d+(?:\.\d+)?)$")
_SPACED = re.compile(r"^(\S+)\s+(\S.*)$")
_OPERATOR = "≥≤=＝<>＜＞≧≦"


def _is_level(cell: str) -> bool:
    """True for a 一级/二级 cell: a level the vocabulary knows, or a short name ending in 指标 (工作量指标)."""
    return bool(canonical_level1(cell) or canonical_level2(cell) or written_level2(cell)
                or (cell.endswith("指标") and len(cell) <= 8))


def _row(cells: list[str]) -> list[Any]:
    """A spec row ``[一级, 二级, 名称, 描述, 指标值, 依据, 权重, 方向, extra, 度量单位]`` from a pipe row's cells."""
    row: list[Any] = ["", "", "", "", "", "", None, None, None, None, None]
    levels: list[str] = []
    plain: list[str] = []
    for cell in cells:
        field = _FIELD.match(cell)
        if field and field[1] in _ROW_FIELD:
            row[_ROW_FIELD[field[1]]] = "" if field[2] == EMPTY else field[2]
        elif cell.startswith("权重"):
            value = cell.removeprefix("权重").strip()
            row[6] = "" if value == EMPTY else value
        elif cell in ("正向", "反向"):
            row[7] = cell
        elif cell == "…":
            continue
        elif not plain and len(levels) < 2 and _is_level(cell):
            levels.append(cell)
        else:
            plain.append(cell)
    if len(levels) == 2:
        row[0], row[1] = levels
    elif levels and canonical_level1(levels[0]) and not canonical_level2(levels[0]):
        row[0] = levels[0]
    elif levels:
        # A 二级 alone: its 一级 is the one the older framework puts it under.
        row[0] = level2_parents(Framework.LEGACY).get(canonical_level2(levels[0]) or "", "")
        row[1] = levels[0]
    if len(plain) > 3:
        raise ValueError(f"too many cells in example row: {cells}")
    slots = {1: (2,), 2: (2, 4), 3: (2, 3, 4)}.get(len(plain), ())
    for slot, value in zip(slots, plain, strict=True):
        row[slot] = "" if value == EMPTY else value
    return row


def _amount(text: str) -> str | None:
    if text.strip() == EMPTY:
        return None
    found = _AMOUNT.search(text)
    return found[0] if found else None


def _read_note(note: str, spec: dict[str, Any]) -> None:
    """What a leading bracketed note sets for the review profile: the framework or a plan minimum."""
    if "2021年起框架" in note:
        spec["framework"] = "y2021"
    elif "88号框架" in note:
        spec["framework"] = "legacy"
    elif minimum := re.fullmatch(r"要求(\d{1,2})月底不低于(\d+)%", note):
        spec["parameters"] = {"minimums": {minimum[1]: int(minimum[2])}}
    else:
        raise ValueError(f"cannot read example note: {note!r}")


def parse_example(text: str) -> dict[str, Any]:
    """A patch of the base sheet spec (see tests/review/sheets.py) built from a docs example."""
    spec: dict[str, Any] = {}
    pipe_rows: list[list[Any]] = []
    field_rows: list[list[Any]] = []
    goals: list[str] = []
    plan: list[list[str]] = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        if _NOTE.fullmatch(line.lstrip("…")):
            continue  # a remark, or "…" for rows the example leaves out
        if note := _NOTE.match(line):
            _read_note(note[1], spec)
            line = line[note.end():].strip()
        for part in filter(None, (p.strip() for p in line.split("；"))):
            field = _FIELD.match(part)
            if "|" in part:
                pipe_rows.append(_row([cell.strip() for cell in part.split("|")]))
            elif field and field[1] in _HEADER:
                key = _HEADER[field[1]]
                value = field[2]
                spec[key] = _amount(value) if key in _AMOUNTS else ("" if value == EMPTY else value)
            elif field and field[1] in _CHOICES and (choice := read_choice(field[1], field[2])) is not None:
                spec.setdefault("choices", []).append(choice.model_dump())
            elif field and field[1] in _GOALS:
                if field[2] != EMPTY:
                    goals.append(field[2])
                spec["goals"] = goals
            elif field and field[1] == "绩效指标" and field[2] == EMPTY:
                spec["rows"] = []
            elif field and field[1] == "权重" and "、" in field[2]:
                spec["weights"] = re.findall(r"\d+", field[2].split("（")[0])
            elif field and field[1] in _ROW_FIELD:
                slot = _ROW_FIELD[field[1]]
                if not field_rows or (slot == 4 and field_rows[-1][4] is not None):
                    field_rows.append([None] * ROW_CELLS)
                field_rows[-1][slot] = "" if field[2] == EMPTY else field[2]
            elif plan_step := _PLAN.match(part):
                plan.append([plan_step[1], plan_step[2]])
            elif span := _SPAN_HEADING.match(part):
                spec["period_span"] = [int(span[1]), int(span[2])]
            elif (spaced := _SPACED.match(part)) and spaced[1] in _HEADER:
                key = _HEADER[spaced[1]]
                spec[key] = _amount(spaced[2]) if key in _AMOUNTS else spaced[2]
            elif spaced and spaced[2][0] in _OPERATOR:
                pipe_rows.append(_row([spaced[1], spaced[2]]))
            else:
                raise ValueError(f"cannot read example part: {part!r}")
    if plan:
        spec["plan"] = plan
    if pipe_rows:
        spec["rows"] = pipe_rows
    if field_rows:
        spec["field_rows"] = field_rows
    return spec


def _unit_kind(target: str) -> UnitKind | None:
    """The kind of unit a target is written in (the unit a placeholder ends in, as ``≥**个``, counts)."""
    placeholder = target.strip()[-1:] if re.search(r"[\d*]", target) else None
    return unit_kind(parse_target(target).unit or placeholder)


def example_spec(base: dict[str, Any], text: str) -> dict[str, Any]:
    """The full sheet spec of an example: ``base`` patched with what the example writes; ``example_rows`` are the
    numbers of the rows the example wrote."""
    patch = parse_example(text)
    field_rows = patch.pop("field_rows", [])
    weights = patch.pop("weights", [])
    patch.pop("parameters", None)
    patch.pop("framework", None)
    spec = patched(base, patch)
    rows = [list(row) + [None] * (ROW_CELLS - len(row)) for row in spec["rows"]]
    if weights:
        rows = rows[:len(weights)]
    written = set(range(len(rows))) if "rows" in patch else set()
    free = list(range(len(rows)))
    for fields in field_rows:
        # The row whose target is written alike (a lower bound in %, a count): a rate's target lands on a rate row.
        number = free[0]
        if fields[4] is not None:
            alike = sorted((n for n in free if _unit_kind(rows[n][4]) is _unit_kind(fields[4])),
                           key=lambda n: rows[n][4][:1] != fields[4][:1])
            number = alike[0] if alike else number
        free.remove(number)
        written.add(number)
        rows[number] = [mine if mine is not None else theirs for mine, theirs in zip(fields, rows[number], strict=True)]
    for row, weight in zip(rows, weights):
        row[6] = weight
    spec["rows"] = rows
    spec["example_rows"] = {number + 1 for number in written}
    return spec


def profile_settings(text: str) -> dict[str, Any]:
    """What an example's leading note sets in the review profile: ``framework`` and the rule's ``parameters``."""
    patch = parse_example(text)
    return {key: patch[key] for key in ("framework", "parameters") if key in patch}

"""Project plan tables (项目计划表): a notice's table of projects, one a row, whose 绩效目标 cell says the project's
targets in words (``亩产值增长3%以上,带动20户脱贫户户均年增收1000元``) beside where it is carried out, what is built,
the money, the period and who answers for it; no indicator grid.

Such a table is told by its header row: the project's name and goals headings (项目名称, 绩效目标) and at least two of
the plan's own headings (实施地点, 建设任务, 资金来源及规模, 实施期限, 带贫减贫机制: the vocabulary's
``[plan_columns]``), and no heading of an indicator grid. :func:`plan_rows` writes each project as the official
layout presents it: its name, its amount and its goals as the header block's label rows, then its goals cell as a
line of prose (:mod:`.prose`) whose targets are the sheet's indicators. A goals cell that gives no target stays the
sheet's goals only: nothing is made of its words.
"""

from __future__ import annotations

from jixiao.documents.interpret.header_cells import label_money_unit
from jixiao.documents.pipeline.prose import PROSE, split_prose
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import canonical_label, column_label, header_label, is_trailer, plan_column

__all__ = ["PLANNED", "plan_rows"]

PLANNED = "planned"  # the key of a line's ``extra`` that marks a plan table's goals (whole: no cut table's last row)

_FEWEST_PLAN_HEADINGS = 2  # plan headings beside 项目名称 and 绩效目标 that tell a plan table from a header block


def _plan_header(line: Line) -> dict[str, int] | None:
    """The positions of a plan table's headings in ``line`` by what they hold (``name``, ``goals``, and when the plan
    has them ``indicators`` (绩效指标) and ``money``), or None when it is no plan table's header."""
    if line.kind is not LineKind.ROW:
        return None
    texts = [token.text.strip() for token in line.tokens]
    fields = [header_label(text) if text else None for text in texts]
    if "name" not in fields or "goals" not in fields:
        return None
    plan = [plan_column(text) if text else None for text in texts]
    if sum(1 for kind in plan if kind) < _FEWEST_PLAN_HEADINGS:
        return None
    columns = [column_label(text) if text and field is None else None for text, field in zip(texts, fields)]
    if any(kind not in (None, "name") for kind in columns):
        return None  # an indicator grid's heading (指标值, 一级指标): the table's targets are its rows, not a plan's
    found = {"name": fields.index("name"), "goals": fields.index("goals")}
    if "name" in columns:
        found["indicators"] = columns.index("name")  # a plan's 绩效指标 cell: its targets, by level (产出指标：…)
    if "money" in plan:
        found["money"] = plan.index("money")
    return found


def _project_lines(header: Line, row: Line, at: dict[str, int]) -> list[Line]:
    """One project's row as its label rows (name, amount, goals, and what the plan says of it as its purpose:
    ``实施地点：…；建设任务：…``) and its goals as prose."""
    def cell(index: int) -> Token | None:
        return row.tokens[index] if index < len(row.tokens) and row.tokens[index].text.strip() else None

    labelled = [("name", cell(at["name"])), ("total", cell(at["money"]) if "money" in at else None),
                ("goals", cell(at["goals"]))]
    # (the money's cell is described too when it says more than the amount: 230万 汉滨区财政局关于下达…的通知)
    described = [f"{heading.text.strip()}：{token.text.strip()}" for index, heading in enumerate(header.tokens)
                 if index not in (at["name"], at["goals"]) and plan_column(heading.text) and (token := cell(index))]
    first = next((token for _, token in labelled if token is not None), None)
    if described and first is not None:
        labelled.append(("purpose", Token("；".join(described), first.line)))
    # (the money's heading may name its unit: 资金规模(万元))
    unit = label_money_unit(header.tokens[at["money"]].text) if "money" in at else None
    lines = [Line([Token(canonical_label("header", field) + (f"({unit})" if field == "total" and unit else ""),
                         token.line), token], LineKind.ROW, row.line)
             for field, token in labelled if token is not None]
    # the targets of the 绩效指标 cell when the plan has one (its 绩效目标 cell then says them again, in words), else
    # of the 绩效目标 cell
    for source in (cell(at["indicators"]) if "indicators" in at else None, cell(at["goals"])):
        items = split_prose(source.text, headed=True) if source is not None else None
        targets = tuple(item for item in items or () if any(kind in ("target", "level1", "level2") for kind, _ in item))
        if any(kind == "target" for item in targets for kind, _ in item):
            lines.append(Line([Token(source.text, source.line)], LineKind.CELL, row.line,  # type: ignore[union-attr]
                              extra={PROSE: targets, PLANNED: True}))
            break
    return lines


def plan_rows(lines: list[Line]) -> list[Line]:
    """The lines with every project plan table written as each project's header block and its goals as prose."""
    result: list[Line] = []
    header: Line | None = None
    at: dict[str, int] = {}
    for line in lines:
        found = _plan_header(line)
        if found is not None:
            header, at = line, found
            continue
        if header is not None and line.kind is LineKind.ROW and line.table == header.table and line.filled:
            if is_trailer(line.filled[0].text):
                header = None  # the plan's total (合计 | … | 290): the table ends, the row is read as it stands
            elif at["name"] < len(line.tokens) and line.tokens[at["name"]].text.strip():
                result.extend(_project_lines(header, line, at))
                continue
        header = None if line.filled else header
        result.append(line)
    return result

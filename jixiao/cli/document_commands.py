"""``jixiao parse`` and ``jixiao schema``: reading documents and describing the interchange format."""

from __future__ import annotations

import json
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.cli.batch import JobsOption, Outcome, SchedulerOption, Source, expand_sources, read_source, run_batch
from jixiao.cli.console import Shape, rendered, stderr, stdout, stdout_shape, write
from jixiao.cli.errors import UnreadableInput, UsageError
from jixiao.documents import WRITABLE_FORMATS, NotAGoalDocument, read_path, write_document
from jixiao.model import Document

__all__ = ["parse_source", "register"]


class ParseFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add the document commands to ``app``."""
    app.command("parse")(parse)
    app.command("schema")(schema)
    app.command("export")(export)


def parse(
    files: Annotated[list[Path], typer.Argument(help="要读取的文件、文件夹或 .zip 压缩包（.txt .docx .xlsx .html .pdf .json）")],
    output_format: Annotated[ParseFormat, typer.Option("--format", "-f", help="输出格式：table 或 json")] = ParseFormat.TABLE,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """读取绩效目标文件，显示读到的内容（--format json 输出机器可读的结果）。"""
    failures = []
    json_output = output_format is ParseFormat.JSON
    if json_output:
        # Streamed in input order, one document at a time, so memory stays flat over any number of files.
        write('{"documents": [\n')
    written = 0
    work = partial(parse_source, as_json=json_output, shape=stdout_shape())
    for outcome in run_batch(work, expand_sources(files), jobs=jobs, scheduler=scheduler, description="读取中"):
        if outcome.error is not None:
            failures.append(outcome.error)
        elif json_output:
            write(("," if written else "") + outcome.value + "\n")
            written += 1
        else:
            write(outcome.value)
    if json_output:
        write("]}\n")
    for message in failures:
        stderr.print(Text.assemble(("无法读取：", "bold red"), message))
    if failures:
        raise UnreadableInput(f"{len(failures)} 个文件无法读取")


def parse_source(source: Source, as_json: bool, shape: Shape) -> Outcome:
    """Read one source and render what ``parse`` prints for it (the worker function of ``parse``): the document
    in JSON, or its tables as a console of ``shape`` shows them."""
    outcome = read_source(source)
    if outcome.error is not None:
        return outcome
    document = outcome.value
    if as_json:
        return Outcome(source, document.model_dump_json(indent=2))
    return Outcome(source, rendered(shape, partial(_print_document, document)))


def schema() -> None:
    """输出 jixiao 交换格式（一个文件 = 一个 Document）的 JSON Schema。"""
    stdout.out(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2), highlight=False)


def export(
    file: Annotated[Path, typer.Argument(help="要转换的文件")],
    to: Annotated[str, typer.Option("--to", "-t", help="目标格式：docx、xlsx 或 json")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件；默认与输入同名、扩展名换成目标格式")] = None,
) -> None:
    """把绩效目标文件转换成标准版式的 Word（.docx）、Excel（.xlsx）或 JSON。"""
    if to not in WRITABLE_FORMATS:
        raise UsageError(f"不支持的目标格式“{to}”，可选：{'、'.join(WRITABLE_FORMATS)}")
    try:
        document = read_path(file)
    except NotAGoalDocument as error:
        raise UnreadableInput(error.message) from None
    target = output or file.with_suffix(f".{to}")
    if target.resolve() == file.resolve():
        raise UsageError(f"输出文件与输入文件相同：{target}，请用 --output 指定另一个文件")
    write_document(document, target, to)
    stdout.print(f"已写出 {target}（{len(document.sheets)} 张绩效目标表）")


def _print_document(document: Document, console: Console) -> None:
    unit = document.unit
    unit_text = f"{unit.code or ''} {unit.name or ''}".strip() if unit else "（未注明单位）"
    console.rule(Text.assemble((document.source, "bold"), f"  {unit_text}  ", (f"{document.format}/{document.layout}", "dim")))
    if document.overall:
        overall = document.overall
        console.print(f"部门整体绩效目标：总体目标 {len(overall.aims)} 条，分项目标 {len(overall.duties)} 条，保障措施 {len(overall.measures)} 条")
    for sheet in document.sheets:
        budget = sheet.budget
        console.print(
            Text.assemble("\n", (sheet.name or sheet.title or "（未命名项目）", "bold cyan"), f"  项目编码 {sheet.code or '—'}  "
            f"预算 {budget.total if budget.total is not None else '—'} {sheet.money_unit or ''}  "
            f"支出计划 {' / '.join(f'{c.label} {c.percent}' for c in sheet.spend_plan) or '—'}")
        )
        for number, goal in enumerate(sheet.goals, start=1):
            console.print(f"  目标{number}：{goal}")
        table = Table("一级指标", "二级指标", "三级指标", "指标值（原文）", "理解为", show_lines=False)
        for indicator in sheet.indicators:
            table.add_row(
                indicator.level1 or indicator.level1_raw, indicator.level2 or indicator.level2_raw, indicator.name,
                indicator.target.raw, indicator.target.display() if not indicator.target.is_empty else "",
            )
        console.print(table)
    for item in document.diagnostics:
        colour = {"error": "red", "warning": "yellow", "info": "blue"}[item.severity.value]
        console.print(Text.assemble((f"{item.severity.label} {item.code}", colour), f" {item.location.describe()}：{item.message}"))

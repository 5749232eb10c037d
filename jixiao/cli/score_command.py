"""``jixiao score`` and ``jixiao score-template``: year-end self-evaluation scores over many sheets.

Exit codes: 0 every sheet scored with nothing missing; 1 scores computed but a required explanation is still
empty or a sheet has no actuals (or, auditing printed self-evaluations, an error was found); 2 an unreadable file,
a bad actuals file, a bad profile or wrong usage.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from jixiao.cli.audit_output import print_recomputation, recomputation_json
from jixiao.cli.batch import JobsOption, SchedulerOption, expand_sources, read_source, run_batch
from jixiao.cli.console import stderr, stdout
from jixiao.cli.errors import CliError, UnreadableInput, UsageError
from jixiao.model import GoalSheet, SelfEvaluationSet, Severity
from jixiao.scoring import (
    ActualsError,
    Located,
    Profile,
    ProfileError,
    ScoringInputError,
    SheetScore,
    load_profile,
    read_actuals_json,
    read_actuals_xlsx,
    score_sheet,
    write_template,
)
from jixiao.scoring.audit import audit_sheet, recompute
from jixiao.scoring.reports import REPORT_FORMATS, write_self_evaluation

__all__ = ["register"]


class ScoreFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class Incomplete(CliError):
    """Scores were computed but something required is still missing."""

    exit_code = 1


def register(app: typer.Typer) -> None:
    """Add the scoring commands to ``app``."""
    app.command("score")(score)
    app.command("score-template")(score_template)


SheetsArgument = Annotated[list[Path], typer.Argument(help="绩效目标表文件或文件夹（文件夹内的文件逐个读取）")]


def score_template(
    sheets: SheetsArgument,
    output: Annotated[Path, typer.Option("--output", "-o", help="要写出的 .xlsx 模板")],
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """生成自评实际值模板（.xlsx）：列出每张表的每个指标，填写实际完成值等后交给 jixiao score 读取。"""
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"模板须为 .xlsx 文件：{output}")
    found = _read_sheets(sheets, exclude=output, jobs=jobs, scheduler=scheduler)
    output.write_bytes(write_template(found))
    stdout.print(f"已写出 {output}（{len(found)} 张绩效目标表，{sum(len(s.indicators) for _, s in found)} 个指标）")


def score(
    sheets: SheetsArgument,
    actuals: Annotated[Path | None, typer.Option(
        "--actuals", "-a", help="实际值文件：score-template 生成并填好的 .xlsx，或 JSON；不给出时复核文件中所印的自评表")] = None,
    profile: Annotated[str, typer.Option("--profile", "-p", help="评分方案：central、hubei 或自定义 .toml 文件路径")] = "central",
    output_format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="输出格式：table 或 json")] = ScoreFormat.TABLE,
    report_dir: Annotated[Path | None, typer.Option("--report-dir", help="把每个项目的绩效自评表写到此文件夹")] = None,
    report_format: Annotated[str, typer.Option("--report-format", help="自评表格式：docx 或 xlsx")] = "docx",
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """按评分方案计算绩效自评得分与等级，逐项给出计算过程；不给出实际值文件时，复算文件中所印的自评表并与所印得分对照。"""
    if report_format not in REPORT_FORMATS:
        raise UsageError(f"不支持的自评表格式“{report_format}”，可选：{'、'.join(REPORT_FORMATS)}")
    try:
        chosen = load_profile(profile)
    except ProfileError as error:
        raise UsageError(error.message) from None
    if actuals is None:
        _audit_printed(_read_sheets(sheets, jobs=jobs, scheduler=scheduler), chosen, output_format)
        return
    evaluations, located = _read_actuals(actuals)
    found = _read_sheets(sheets, exclude=actuals, jobs=jobs, scheduler=scheduler)
    by_key = {evaluation.sheet: evaluation for evaluation in evaluations.evaluations}
    scores: list[SheetScore] = []
    errors: list[str] = []
    unmatched: list[str] = []
    for source, sheet in found:
        evaluation = by_key.get(sheet.key)
        if evaluation is None:
            unmatched.append(f"{source} 项目“{sheet.key}”在实际值文件 {actuals.name} 中没有对应的行，未评分")
            continue
        try:
            scores.append(score_sheet(sheet, evaluation, chosen))
        except ScoringInputError as error:
            errors.extend(f"{located.describe(p.sheet, p.indicator, p.field)}：{p.message}" for p in error.problems)
    if output_format is ScoreFormat.JSON:
        payload = {"profile": chosen.name, "scores": [json.loads(s.model_dump_json()) for s in scores],
                   "errors": errors, "unmatched": unmatched}
        stdout.out(json.dumps(payload, ensure_ascii=False, indent=2), highlight=False)
    else:
        stdout.print(f"评分方案：{chosen.label}（{chosen.name}）")
        for result in scores:
            _print_score(result, located)
    if report_dir is not None:
        _write_reports(scores, report_dir, report_format)
    for message in unmatched:
        stderr.print(f"[yellow]未评分：[/]{message}", soft_wrap=True)
    for message in errors:
        stderr.print(f"[bold red]无法评分：[/]{message}", soft_wrap=True)
    if errors:
        raise UnreadableInput(f"{len(errors)} 处实际值有误，相关项目未评分")
    incomplete = sum(len(s.missing) for s in scores)
    if unmatched or incomplete:
        raise Incomplete(f"{len(unmatched)} 个项目缺少实际值，{incomplete} 处必填说明未填写")


def _audit_printed(found: list[tuple[str, GoalSheet]], profile: Profile, output_format: ScoreFormat) -> None:
    """Recompute every printed self-evaluation in ``found`` and show it beside what was printed."""
    printed = [(source, sheet) for source, sheet in found if sheet.evaluation is not None]
    if not printed:
        raise UsageError("文件中没有所印的绩效自评表可以复核；要按实际值评分，请用 --actuals 给出实际值文件")
    audited = [(source, sheet, recompute(sheet, profile), audit_sheet(sheet, profile, source=source))
               for source, sheet in printed]
    if output_format is ScoreFormat.JSON:
        payload = {"profile": profile.name,
                   "audits": [recomputation_json(sheet, r, findings, source) for source, sheet, r, findings in audited]}
        stdout.out(json.dumps(payload, ensure_ascii=False, indent=2), highlight=False)
    else:
        stdout.print(f"评分方案：{profile.label}（{profile.name}）")
        for _, sheet, recomputation, findings in audited:
            print_recomputation(sheet, recomputation, findings)
    failing = sum(f.severity is Severity.ERROR for *_, findings in audited for f in findings)
    if failing:
        raise Incomplete(f"自评表复核发现 {failing} 个错误")


def _write_reports(scores: list[SheetScore], folder: Path, file_format: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for result in scores:
            safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in result.sheet)
            (folder / f"{safe}_绩效自评表.{file_format}").write_bytes(write_self_evaluation(result, file_format))
    except OSError as error:
        raise UsageError(f"无法写入自评表文件夹 {folder}（{error.strerror}）") from None
    stderr.print(f"已写出 {len(scores)} 份绩效自评表到 {folder}")


def _read_sheets(paths: list[Path], exclude: Path | None = None, jobs: int | None = None,
                 scheduler: str | None = None) -> list[tuple[str, GoalSheet]]:
    """Every sheet in the files, folders and archives given; ``exclude`` (the actuals file) is skipped in folders."""
    found, failures = [], []
    for outcome in run_batch(read_source, expand_sources(paths, exclude=exclude), jobs=jobs, scheduler=scheduler,
                             description="读取中"):
        if outcome.error is not None:
            failures.append(outcome.error)
            continue
        document = outcome.value
        # A sheet names its unit only through the document's heading; the 自评表 shows it.
        found.extend((outcome.source.label, sheet if sheet.unit else sheet.model_copy(update={"unit": document.unit}))
                     for sheet in document.sheets)
    if failures:
        raise UnreadableInput("；".join(failures))
    if not found:
        raise UnreadableInput("没有读到任何绩效目标表")
    return found


def _read_actuals(path: Path) -> tuple[SelfEvaluationSet, Located]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"无法打开实际值文件 {path}（{error.strerror}）") from None
    try:
        if path.suffix.lower() == ".xlsx":
            return read_actuals_xlsx(data, path.name)
        if path.suffix.lower() == ".json":
            return read_actuals_json(data, path.name), Located(path.name)
    except ActualsError as error:
        raise UnreadableInput("实际值文件有误：\n" + "\n".join(error.problems)) from None
    raise UsageError(f"实际值文件须为 .xlsx 或 .json：{path}")


def _print_score(result: SheetScore, located: Located) -> None:
    stdout.rule(f"[bold]{result.name or result.sheet}[/]  {result.sheet}")
    table = Table("序号", "一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    for number, item in enumerate(result.items):
        table.add_row(str(number), item.level1, item.name, item.target, item.actual, str(item.weight),
                      "—" if item.score is None else str(item.score))
    stdout.print(table)
    stdout.print("计算说明：")
    for number, item in enumerate(result.items):
        stdout.print(f"  {number}. {item.name}：{item.explanation}")
        for flag in item.flags:
            stdout.print(f"     [yellow]⚑ 请人工复核：{flag}[/]")
    for note in result.notes:
        stdout.print(f"  [dim]说明：{note}[/]")
    colour = {"优": "green", "良": "cyan", "中": "yellow"}.get(result.grade, "red")
    stdout.print(f"总分 [bold]{result.total}[/]  等级 [bold {colour}]{result.grade}[/]")
    stdout.print(f"[dim]{result.explanation}[/]")
    for problem in result.missing:
        stdout.print(f"[yellow]待补充：[/]{located.describe(problem.sheet, problem.indicator, problem.field)}：{problem.message}",
                     soft_wrap=True)

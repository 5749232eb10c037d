"""``jixiao score`` and ``jixiao score-template``: year-end self-evaluation scores over many sheets.

Exit codes: 0 every sheet scored with nothing missing; 1 scores computed but a required explanation is still
empty or a sheet has no actuals (or, auditing printed self-evaluations, an error was found); 2 an unreadable file,
a bad actuals file, a bad profile or wrong usage.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.cli.audit_output import print_recomputation, recomputation_json
from jixiao.cli.batch import JobsOption, Outcome, SchedulerOption, Source, expand_sources, read_source, run_batch
from jixiao.cli.console import Shape, rendered, sheet_heading, stderr, stdout, stdout_shape, write
from jixiao.cli.errors import CliError, UnreadableInput, UsageError
from jixiao.cli.json_stream import JsonList, item_text, value_text
from jixiao.documents import NotAGoalDocument
from jixiao.documents.limits import check_archive
from jixiao.model import Diagnostic, GoalSheet, SelfEvaluation, SelfEvaluationSet, Severity
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

__all__ = ["register", "score_source"]


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


@dataclass(frozen=True)
class ScorePlan:
    """What a worker needs to score, or audit, the sheets of one document and render them as ``score`` prints
    them. ``evaluations`` (the actuals, by sheet key) is None when the printed self-evaluations are audited;
    ``report_format`` is set when a 自评表 is to be written for every sheet scored."""

    profile: Profile
    as_json: bool
    shape: Shape
    evaluations: dict[str, SelfEvaluation] | None = None
    located: Located | None = None
    report_format: str | None = None


@dataclass(frozen=True)
class ScoredOutput:
    """One document scored or audited, as the parent writes it: ``items`` are its JSON items or text sections
    (one per sheet scored or audited), ``reports`` its 自评表 files (name, bytes); the rest is what the end of
    the command reports and its exit code depends on."""

    sheets: int
    items: tuple[str, ...] = ()
    reports: tuple[tuple[str, bytes], ...] = ()
    unmatched: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    missing: int = 0
    failing: int = 0


def score_source(source: Source, plan: ScorePlan) -> Outcome:
    """Read one source and score (or audit) its sheets as ``plan`` says, rendered as ``score`` prints them (the
    worker function of ``score``)."""
    read = read_source(source)
    if read.error is not None:
        return read
    document = read.value
    # A sheet names its unit only through the document's heading; the 自评表 shows it.
    sheets = [sheet if sheet.unit else sheet.model_copy(update={"unit": document.unit}) for sheet in document.sheets]
    if plan.evaluations is None:
        return Outcome(source, _audited(sheets, source.label, plan, document.diagnostics))
    return Outcome(source, _scored(sheets, source.label, plan))


def _audited(sheets: list[GoalSheet], label: str, plan: ScorePlan, diagnostics: Sequence[Diagnostic]) -> ScoredOutput:
    """The side-by-side table and the audit of each printed 自评表; ``diagnostics`` (the reader's) tell the rows read in
    doubt, as ``jixiao check`` and the audit page are told them."""
    items, failing = [], 0
    for sheet in sheets:
        if sheet.evaluation is None:
            continue
        recomputation = recompute(sheet, plan.profile, diagnostics)
        findings = audit_sheet(sheet, plan.profile, source=label, diagnostics=diagnostics, recomputation=recomputation)
        failing += sum(finding.severity is Severity.ERROR for finding in findings)
        items.append(item_text(recomputation_json(sheet, recomputation, findings, label), 1) if plan.as_json else
                     rendered(plan.shape, partial(print_recomputation, sheet, recomputation, findings)))
    return ScoredOutput(len(sheets), tuple(items), failing=failing)


def _scored(sheets: list[GoalSheet], label: str, plan: ScorePlan) -> ScoredOutput:
    items, reports, unmatched, errors, missing = [], [], [], [], 0
    for sheet in sheets:
        evaluation = plan.evaluations.get(sheet.key)
        if evaluation is None:
            unmatched.append(f"{label} 项目“{sheet.key}”在实际值文件 {plan.located.source} 中没有对应的行，未评分")
            continue
        try:
            result = score_sheet(sheet, evaluation, plan.profile)
        except ScoringInputError as error:
            errors.extend(f"{plan.located.describe(p.sheet, p.indicator, p.field)}：{p.message}" for p in error.problems)
            continue
        items.append(item_text(json.loads(result.model_dump_json()), 1) if plan.as_json else
                     rendered(plan.shape, partial(_print_score, result, plan.located)))
        if plan.report_format is not None:
            safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in result.sheet)
            reports.append((f"{safe}_绩效自评表.{plan.report_format}",
                            write_self_evaluation(result, plan.report_format)))
        missing += len(result.missing)
    return ScoredOutput(len(sheets), tuple(items), tuple(reports), tuple(unmatched), tuple(errors), missing)


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
    as_json = output_format is ScoreFormat.JSON
    if actuals is None:
        plan = ScorePlan(chosen, as_json, stdout_shape())
    else:
        evaluations, located = _read_actuals(actuals)
        plan = ScorePlan(chosen, as_json, stdout_shape(), {e.sheet: e for e in evaluations.evaluations}, located,
                         report_format if report_dir is not None else None)
    outcomes = run_batch(partial(score_source, plan=plan), expand_sources(sheets, exclude=actuals), jobs=jobs,
                         scheduler=scheduler, description="读取中")
    written = _Written(chosen, plan, report_dir)
    for outcome in outcomes:
        written.add(outcome)
    written.finish()


class _Written:
    """The output of ``score`` as documents come, in input order. Nothing is written until there is something
    to show, so that a run that scores nothing fails as before, with only its message."""

    def __init__(self, profile: Profile, plan: ScorePlan, report_dir: Path | None) -> None:
        self.profile, self.plan, self.report_dir = profile, plan, report_dir
        self.items: JsonList | None = None
        self.started = False
        self.sheets = self.reports = self.missing = self.failing = 0
        self.failures: list[str] = []
        self.unmatched: list[str] = []
        self.errors: list[str] = []

    def add(self, outcome: Outcome) -> None:
        """Write one document's sections and 自评表 files, and keep its messages for the end."""
        if outcome.error is not None:
            self.failures.append(outcome.error)
            return
        piece: ScoredOutput = outcome.value
        self.sheets += piece.sheets
        # Scoring against actuals shows its heading once a sheet is read; an audit once a sheet is audited.
        if piece.items or (piece.sheets and self.plan.evaluations is not None):
            self._start()
        if self.plan.as_json and piece.items:
            self.items.extend(piece.items)
        else:
            for text in piece.items:
                write(text)
        for name, data in piece.reports:
            self._report(name, data)
        self.unmatched.extend(piece.unmatched)
        self.errors.extend(piece.errors)
        self.missing += piece.missing
        self.failing += piece.failing

    def _start(self) -> None:
        if self.started:
            return
        self.started = True
        if not self.plan.as_json:
            stdout.print(f"评分方案：{self.profile.label}（{self.profile.name}）")
            return
        key = "scores" if self.plan.evaluations is not None else "audits"
        write(f'{{\n  "profile": {value_text(self.profile.name, 1)},\n  "{key}": ')
        self.items = JsonList(write, 1)

    def _report(self, name: str, data: bytes) -> None:
        try:
            self.report_dir.mkdir(parents=True, exist_ok=True)
            (self.report_dir / name).write_bytes(data)
        except OSError as error:
            raise UsageError(f"无法写入自评表文件夹 {self.report_dir}（{error.strerror}）") from None
        self.reports += 1

    def finish(self) -> None:
        """End the output and report what is missing, with the exit code it calls for."""
        if not self.started:
            if self.failures:
                raise UnreadableInput("；".join(self.failures))
            if not self.sheets:
                raise UnreadableInput("没有读到任何绩效目标表")
            raise UsageError("文件中没有所印的绩效自评表可以复核；要按实际值评分，请用 --actuals 给出实际值文件")
        if self.plan.as_json:
            self.items.close()
            if self.plan.evaluations is not None:
                write(f',\n  "errors": {value_text(self.errors, 1)},\n  "unmatched": {value_text(self.unmatched, 1)}')
            write("\n}\n")
        if self.report_dir is not None and self.plan.evaluations is not None:
            stderr.print(f"已写出 {self.reports} 份绩效自评表到 {self.report_dir}")
        for message in self.unmatched:
            stderr.print(Text.assemble(("未评分：", "yellow"), message), soft_wrap=True)
        for message in self.errors:
            stderr.print(Text.assemble(("无法评分：", "bold red"), message), soft_wrap=True)
        if self.failures:
            raise UnreadableInput("；".join(self.failures))
        if self.errors:
            raise UnreadableInput(f"{len(self.errors)} 处实际值有误，相关项目未评分")
        if self.plan.evaluations is None:
            if self.failing:
                raise Incomplete(f"自评表复核发现 {self.failing} 个错误")
        elif self.unmatched or self.missing:
            raise Incomplete(f"{len(self.unmatched)} 个项目缺少实际值，{self.missing} 处必填说明未填写")


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
            check_archive(data, path.name, "Excel")
            return read_actuals_xlsx(data, path.name)
        if path.suffix.lower() == ".json":
            return read_actuals_json(data, path.name), Located(path.name)
    except ActualsError as error:
        raise UnreadableInput("实际值文件有误：\n" + "\n".join(error.problems)) from None
    except NotAGoalDocument as error:
        raise UnreadableInput(f"实际值文件有误：{error.message}") from None
    raise UsageError(f"实际值文件须为 .xlsx 或 .json：{path}")


def _print_score(result: SheetScore, located: Located, console: Console) -> None:
    console.rule(Text(sheet_heading(result.name, result.sheet), style="bold"))
    table = Table("序号", "一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    for number, item in enumerate(result.items):
        table.add_row(str(number), item.level1, item.name, item.target, item.actual, str(item.weight),
                      "—" if item.score is None else str(item.score))
    console.print(table)
    console.print("计算说明：")
    for number, item in enumerate(result.items):
        console.print(f"  {number}. {item.name}：{item.explanation}")
        for flag in item.flags:
            console.print(Text(f"     ⚑ 请人工复核：{flag}", style="yellow"))
    for note in result.notes:
        console.print(Text(f"  说明：{note}", style="dim"))
    colour = {"优": "green", "良": "cyan", "中": "yellow"}.get(result.grade, "red")
    console.print(Text.assemble("总分 ", (str(result.total), "bold"), "  等级 ", (result.grade, f"bold {colour}")))
    console.print(Text(result.explanation, style="dim"))
    for problem in result.missing:
        console.print(Text.assemble(("待补充：", "yellow"),
                                    f"{located.describe(problem.sheet, problem.indicator, problem.field)}：{problem.message}"),
                      soft_wrap=True)

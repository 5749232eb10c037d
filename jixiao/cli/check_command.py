"""``jixiao check``: review goal documents and report findings by document and sheet.

Exit codes: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 when an input cannot be read or the
command is used wrongly (an unreadable file wins over findings, as it means the review is incomplete).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, NamedTuple

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.cli.audit_output import audit_summary
from jixiao.cli.batch import JobsOption, Outcome, SchedulerOption, Source, expand_sources, read_source, run_batch
from jixiao.cli.console import Shape, rendered, sheet_heading, stderr, stdout, stdout_shape, write
from jixiao.cli.errors import CliError, UnreadableInput, UsageError
from jixiao.cli.json_stream import JsonList, item_text, value_text
from jixiao.documents import SUPPORTED_SUFFIXES
from jixiao.model import Document, Severity
from jixiao.review import (
    ConfigError,
    Finding,
    Profile,
    ProfileError,
    Review,
    SheetReview,
    load_config,
    review_document,
)
from jixiao.review.forms import FormError, available_forms, load_form
from jixiao.scoring import ProfileError as ScoringProfileError
from jixiao.scoring import load_profile as load_scoring_profile
from jixiao.scoring.audit import Recomputation, audit_prose, audit_sheet, recompute
from jixiao.scoring.profile import Profile as ScoringProfile

__all__ = ["check_document", "check_source", "document_contract", "register", "review_source"]

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
GRADE_COLOURS = {"优": "green", "良": "cyan", "中": "yellow", "差": "red"}
# What an unread sheet (no indicator read: nothing reviewed) shows for its grade.
UNGRADED = "未评"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    app.command("check")(check)


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


@dataclass
class Checked:
    """One document checked: its review, the audit findings merged into its sheets, and the recomputation of
    every sheet that carries a printed self-evaluation (by sheet key)."""

    review: Review
    audits: dict[str, Recomputation] = field(default_factory=dict)
    grades: dict[str, str | None] = field(default_factory=dict)  # the printed 自评等级, by sheet key


def review_source(source: Source, profile: Profile, scoring: ScoringProfile) -> Outcome:
    """Read one source and check it as :func:`check_document` does (the worker function of ``check``)."""
    read = read_source(source)
    if read.error is not None:
        return read
    return Outcome(source, check_document(read.value, profile, scoring))


def check_document(document: Document, profile: Profile, scoring: ScoringProfile) -> Checked:
    """Review a document and audit its printed self-evaluations and monitoring tables, as ``check`` reports them
    (the review benchmark scores the same). The audit findings join their sheet's findings; the review grade of
    the goal sheet is not changed by them, since it grades the goals, not the scoring."""
    review = review_document(document, profile)
    checked = Checked(review)
    for index, sheet in enumerate(document.sheets):
        recomputation = recompute(sheet, scoring, document.diagnostics) if sheet.evaluation is not None else None
        audit = [f for f in audit_sheet(sheet, scoring, source=document.source, diagnostics=document.diagnostics,
                                        recomputation=recomputation)
                 if profile.enabled(f.rule, f.name)]
        if audit:
            outcome = review.sheets[index]
            review.sheets[index] = outcome.model_copy(update={"findings": outcome.findings + audit})
        if sheet.evaluation is not None:
            checked.audits[sheet.key] = recomputation
            checked.grades[sheet.key] = sheet.evaluation.grade
    # a report or notice with no table: what its sentences state of the money
    prose = [f for f in audit_prose(document, scoring) if profile.enabled(f.rule, f.name)]
    if prose:
        checked.review = review.model_copy(update={"document_findings": review.document_findings + prose})
    return checked


class SummaryRow(NamedTuple):
    """One sheet's line in the summary table of the text output: all that is kept of a sheet until the end."""

    file: str
    name: str
    error: int
    warning: int
    info: int
    grade: str


@dataclass(frozen=True)
class CheckedOutput:
    """One document checked, as the parent writes it: rendered in the worker, so that the parent neither receives
    the review nor renders it. ``text`` is the document's section of the text output; ``findings`` and ``sheets``
    are its items of the JSON lists; ``rows`` its lines of the summary table; ``severities`` counts its findings
    (for the exit code)."""

    text: str = ""
    findings: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    rows: tuple[SummaryRow, ...] = ()
    severities: dict[str, int] = field(default_factory=dict)


def check_source(source: Source, profile: Profile, scoring: ScoringProfile, as_json: bool,
                 shape: Shape) -> Outcome:
    """Check one source and render what ``check`` prints for it (the worker function of ``check``): the JSON
    items of its findings and sheets, or its text section as a console of ``shape`` shows it."""
    outcome = review_source(source, profile, scoring)
    if outcome.error is not None:
        return outcome
    checked: Checked = outcome.value
    review = checked.review
    severities = dict(Counter(finding.severity.value for finding in review.findings))
    if as_json:
        findings, sheets = document_contract(checked)
        return Outcome(source, CheckedOutput(findings=tuple(item_text(item, 1) for item in findings),
                                             sheets=tuple(item_text(item, 1) for item in sheets),
                                             severities=severities))
    rows = tuple(SummaryRow(Path(sheet.source or "").name, sheet.name or sheet.sheet, sheet.counts["error"],
                            sheet.counts["warning"], sheet.counts["info"], sheet.grade or UNGRADED)
                 for sheet in review.sheets)
    return Outcome(source, CheckedOutput(text=rendered(shape, partial(_print_review, checked)), rows=rows,
                                         severities=severities))


def check(
    paths: Annotated[list[Path], typer.Argument(help="要审核的文件或文件夹")],
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式：text 或 json")] = CheckFormat.TEXT,
    select: Annotated[list[str] | None, typer.Option("--select", help="只启用这些规则（代码、代码前缀或规则名，逗号分隔）")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="停用这些规则（逗号分隔）")] = None,
    profile: Annotated[str | None, typer.Option("--profile", help="审核方案：central、county-example 或方案文件路径")] = None,
    form: Annotated[str | None, typer.Option("--form", help="表样（默认 auto，按表头识别）：" + "、".join(available_forms()))] = None,
    scoring_profile: Annotated[str, typer.Option(
        "--scoring-profile", help="复核自评表与监控表所用的评分方案：central、hubei 或方案文件路径")] = "central",
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="达到此严重程度时以1退出：error、warning 或 info")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="发现问题时仍以0退出（仅报告，不作为失败）")] = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """审核绩效目标表：按文档和项目列出问题、原因和修改建议，并给出建议审核等级。"""
    try:
        config = load_config()
        review_profile = config.resolve(profile=profile, select=_codes(select), ignore=_codes(ignore), form=form)
        if review_profile.form != "auto":
            load_form(review_profile.form)
    except (ConfigError, ProfileError, FormError) as error:
        raise UsageError(str(error)) from None
    try:
        scoring = load_scoring_profile(scoring_profile)
    except ScoringProfileError as error:
        raise UsageError(error.message) from None
    threshold = fail_on or config.fail_on
    sources = expand_sources(paths)
    if not sources:
        raise UsageError("没有找到可审核的文件（支持 " + " ".join((*SUPPORTED_SUFFIXES, ".zip")) + "）")

    as_json = output_format is CheckFormat.JSON
    work = partial(check_source, profile=review_profile, scoring=scoring, as_json=as_json, shape=stdout_shape())
    outcomes = run_batch(work, sources, jobs=jobs, scheduler=scheduler, description="审核中")
    if as_json:
        failures, severities = _write_json(outcomes, review_profile.name, scoring.name)
    else:
        failures, severities = _write_text(outcomes)
    for message in failures:
        stderr.print(Text.assemble(("无法读取：", "bold red"), message))
    if failures:
        raise UnreadableInput(f"{len(failures)} 个文件无法读取，审核不完整")
    failing = sum(count for severity, count in severities.items() if Severity(severity).rank >= threshold.rank)
    if failing and not exit_zero:
        raise CliError(f"发现 {failing} 个达到“{threshold.label}”级别的问题")


# Sheets' JSON items wait for the end of the findings list in memory up to this size, then in a temporary file.
SHEETS_IN_MEMORY = 8 * 1024 * 1024


def _write_json(outcomes, profile: str, scoring: str) -> tuple[list[str], Counter]:
    """Write the JSON report as documents come: findings at once, sheets (which follow every finding in the
    report) held in a temporary file until the findings end. Returns the unreadable inputs and severity counts."""
    failures: list[str] = []
    severities: Counter = Counter()
    with tempfile.SpooledTemporaryFile(SHEETS_IN_MEMORY, mode="w+", encoding="utf-8") as held:
        write('{\n  "findings": ')
        findings, sheets = JsonList(write, 1), JsonList(held.write, 1)
        for outcome in outcomes:
            if outcome.error is not None:
                failures.append(outcome.error)
                continue
            piece: CheckedOutput = outcome.value
            findings.extend(piece.findings)
            sheets.extend(piece.sheets)
            severities.update(piece.severities)
        findings.close()
        sheets.close()
        write(',\n  "sheets": ')
        held.seek(0)
        shutil.copyfileobj(held, stdout.file)
    write(f',\n  "unreadable": {value_text(failures, 1)},\n  "profile": {value_text(profile, 1)},'
          f'\n  "scoring_profile": {value_text(scoring, 1)}\n}}\n')
    return failures, severities


def _write_text(outcomes) -> tuple[list[str], Counter]:
    """Write each document's section as it comes, then the summary table of every sheet."""
    failures: list[str] = []
    severities: Counter = Counter()
    rows: list[SummaryRow] = []
    files = 0
    for outcome in outcomes:
        if outcome.error is not None:
            failures.append(outcome.error)
            continue
        piece: CheckedOutput = outcome.value
        write(piece.text)
        rows.extend(piece.rows)
        severities.update(piece.severities)
        files += 1
    _print_summary(rows, files)
    return failures, severities


def document_contract(checked: Checked) -> tuple[list[dict], list[dict]]:
    """One document's items of the ``findings`` and ``sheets`` lists printed by ``check --format json``; the
    documented keys are stable, extras may be added. An audited sheet has the extra key ``audit`` (printed and
    recomputed totals and grades, by the ``scoring_profile`` of the report)."""
    review = checked.review
    findings = [f.contract() | {"file": review.source} for f in review.findings]
    sheets = []
    for sheet in review.sheets:
        item = _sheet_contract(sheet)
        if sheet.sheet in checked.audits:
            recomputation, grade = checked.audits[sheet.sheet], checked.grades[sheet.sheet]
            item["audit"] = {
                "printed_total": _text(recomputation.printed_total), "printed_sum": _text(recomputation.printed_sum),
                "printed_grade": grade, "expected_total": _text(recomputation.expected_total),
                "expected_grade": recomputation.expected_grade,
            }
        sheets.append(item)
    return findings, sheets


def _sheet_contract(sheet: SheetReview) -> dict[str, object]:
    return {
        "source": sheet.source,
        "sheet": sheet.sheet,
        "grade": sheet.grade,
        "form": sheet.form,
        "counts": sheet.counts,
        "name": sheet.name,
        "score": _text(sheet.score),
        "explain": sheet.explain(),
        "dimensions": sheet.by_dimension,
    }


def _text(value) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def _print_review(checked: Checked, console: Console) -> None:
    review = checked.review
    console.rule(Text(review.source, style="bold"))
    for finding in review.document_findings:
        _print_finding(finding, console, None)  # (the file's: its table named)
    for sheet in review.sheets:
        grade = _grade_text(sheet.grade or UNGRADED)
        counts = sheet.counts
        console.print(Text.assemble(
            "\n", (sheet_heading(sheet.name, sheet.sheet), "bold cyan"),
            f"  表样 {sheet.form_label}  建议等级 ", grade,
            f"  错误 {counts['error']} · 警告 {counts['warning']} · 提示 {counts['info']}",
        ), soft_wrap=True)
        for finding in sheet.findings:
            _print_finding(finding, console, sheet.table)
        if sheet.findings or sheet.grade is None:
            console.print(Text(f"  评分：{sheet.explain()}", style="dim"), soft_wrap=True)
        if sheet.sheet in checked.audits:
            summary = audit_summary(checked.audits[sheet.sheet], checked.grades[sheet.sheet])
            console.print(Text(f"  自评复核：{summary}", style="dim"), soft_wrap=True)


def _grade_text(grade: str) -> Text:
    return Text(grade, style=f"bold {GRADE_COLOURS[grade]}" if grade in GRADE_COLOURS else "dim")


def _print_finding(finding: Finding, console: Console, table: int | None) -> None:
    where = f"{finding.location.row_words(table)} " if finding.location.row is not None else ""
    line = Text.assemble(
        "  ", (f"{finding.rule}", "bold"), " ", (finding.severity.label, COLOURS[finding.severity.value]),
        f" [{finding.dimension.value}] ", (where, "dim"), finding.message, (finding.confidence.note, "dim"),
    )
    # Chinese has no spaces to break at: rich would move the whole message to the next line, so let the
    # terminal wrap instead.
    console.print(line, soft_wrap=True)
    if finding.fix:
        console.print(Text(f"      修改建议（{finding.fix.applicability.label}）：{finding.fix.summary}", style="green"),
                      soft_wrap=True)


def _print_summary(rows: list[SummaryRow], files: int) -> None:
    if not rows:
        return
    table = Table("文件", "项目", "错误", "警告", "提示", "建议等级", title="审核汇总")
    for row in rows:
        table.add_row(row.file, row.name, str(row.error), str(row.warning), str(row.info),
                      _grade_text(row.grade))
    stdout.print()
    stdout.print(table)
    totals = {severity: sum(getattr(row, severity) for row in rows) for severity in ("error", "warning", "info")}
    stdout.print(f"共 {files} 个文件、{len(rows)} 张目标表：错误 {totals['error']}，警告 {totals['warning']}，"
                 f"提示 {totals['info']}。用 jixiao rules 代码 查看规则说明。", soft_wrap=True)

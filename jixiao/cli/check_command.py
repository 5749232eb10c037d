"""``jixiao check``: review goal documents and report findings by document and sheet.

Exit codes: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 when an input cannot be read or the
command is used wrongly (an unreadable file wins over findings, as it means the review is incomplete).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from jixiao.cli.audit_output import audit_summary
from jixiao.cli.batch import JobsOption, Outcome, SchedulerOption, Source, expand_sources, read_source, run_batch
from jixiao.cli.console import stderr, stdout
from jixiao.cli.errors import CliError, UnreadableInput, UsageError
from jixiao.documents import SUPPORTED_SUFFIXES
from jixiao.model import Severity
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
from jixiao.scoring.audit import Recomputation, audit_sheet, recompute
from jixiao.scoring.profile import Profile as ScoringProfile

__all__ = ["register", "review_source"]

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
GRADE_COLOURS = {"优": "green", "良": "cyan", "中": "yellow", "差": "red"}


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
    """Read one source, review it and audit its printed self-evaluations and monitoring tables (the worker
    function of ``check``). The audit findings join their sheet's findings; the review grade of the goal sheet
    is not changed by them, since it grades the goals, not the scoring."""
    read = read_source(source)
    if read.error is not None:
        return read
    document = read.value
    review = review_document(document, profile)
    checked = Checked(review)
    for index, sheet in enumerate(document.sheets):
        audit = [f for f in audit_sheet(sheet, scoring, source=document.source) if profile.enabled(f.rule, f.name)]
        if audit:
            outcome = review.sheets[index]
            review.sheets[index] = outcome.model_copy(update={"findings": outcome.findings + audit})
        if sheet.evaluation is not None:
            checked.audits[sheet.key] = recompute(sheet, scoring)
            checked.grades[sheet.key] = sheet.evaluation.grade
    return Outcome(source, checked)


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

    checked: list[Checked] = []
    failures: list[str] = []
    for outcome in run_batch(partial(review_source, profile=review_profile, scoring=scoring), sources, jobs=jobs,
                             scheduler=scheduler, description="审核中"):
        if outcome.error is not None:
            failures.append(outcome.error)
        else:
            checked.append(outcome.value)
    reviews = [item.review for item in checked]

    if output_format is CheckFormat.JSON:
        report = contract(reviews, review_profile.name, failures)
        _add_audits(report, checked, scoring.name)
        stdout.out(json.dumps(report, ensure_ascii=False, indent=2), highlight=False)
    else:
        for item in checked:
            _print_review(item)
        _print_summary(reviews)
    for message in failures:
        stderr.print(f"[bold red]无法读取：[/]{message}")
    if failures:
        raise UnreadableInput(f"{len(failures)} 个文件无法读取，审核不完整")
    failing = sum(f.severity.rank >= threshold.rank for review in reviews for f in review.findings)
    if failing and not exit_zero:
        raise CliError(f"发现 {failing} 个达到“{threshold.label}”级别的问题")


def contract(reviews: list[Review], profile: str, failures: list[str]) -> dict[str, object]:
    """The JSON printed by ``check --format json``; the documented keys are stable, extras may be added."""
    return {
        "findings": [f.contract() | {"file": review.source} for review in reviews for f in review.findings],
        "sheets": [_sheet_contract(sheet) for review in reviews for sheet in review.sheets],
        "unreadable": failures,
        "profile": profile,
    }


def _sheet_contract(sheet: SheetReview) -> dict[str, object]:
    return {
        "source": sheet.source,
        "sheet": sheet.sheet,
        "grade": sheet.grade,
        "form": sheet.form,
        "counts": sheet.counts,
        "name": sheet.name,
        "score": f"{sheet.score.normalize():f}",
        "explain": sheet.explain(),
        "dimensions": sheet.by_dimension,
    }


def _add_audits(report: dict[str, object], checked: list[Checked], scoring: str) -> None:
    """Extra keys of the check contract for audited sheets: ``audit`` on the sheet (printed and recomputed totals
    and grades) and the scoring profile used."""
    audits = {(item.review.source, key): (recomputation, item.grades[key])
              for item in checked for key, recomputation in item.audits.items()}
    for sheet in report["sheets"]:
        found = audits.get((sheet["source"], sheet["sheet"]))
        if found is not None:
            recomputation, grade = found
            sheet["audit"] = {
                "printed_total": _text(recomputation.printed_total), "printed_sum": _text(recomputation.printed_sum),
                "printed_grade": grade, "expected_total": _text(recomputation.expected_total),
                "expected_grade": recomputation.expected_grade,
            }
    report["scoring_profile"] = scoring


def _text(value) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def _print_review(checked: Checked) -> None:
    review = checked.review
    stdout.rule(f"[bold]{review.source}[/]")
    for finding in review.document_findings:
        _print_finding(finding)
    for sheet in review.sheets:
        grade = Text(sheet.grade, style=f"bold {GRADE_COLOURS[sheet.grade]}")
        counts = sheet.counts
        stdout.print(Text.assemble(
            "\n", (sheet.name or sheet.sheet, "bold cyan"), f"  {sheet.sheet}  表样 {sheet.form_label}  建议等级 ", grade,
            f"  错误 {counts['error']} · 警告 {counts['warning']} · 提示 {counts['info']}",
        ), soft_wrap=True)
        for finding in sheet.findings:
            _print_finding(finding)
        if sheet.findings:
            stdout.print(Text(f"  评分：{sheet.explain()}", style="dim"), soft_wrap=True)
        if sheet.sheet in checked.audits:
            summary = audit_summary(checked.audits[sheet.sheet], checked.grades[sheet.sheet])
            stdout.print(Text(f"  自评复核：{summary}", style="dim"), soft_wrap=True)


def _print_finding(finding: Finding) -> None:
    where = f"第{finding.location.row}行 " if finding.location.row is not None else ""
    line = Text.assemble(
        "  ", (f"{finding.rule}", "bold"), " ", (finding.severity.label, COLOURS[finding.severity.value]),
        f" [{finding.dimension.value}] ", (where, "dim"), finding.message, (finding.confidence.note, "dim"),
    )
    # Chinese has no spaces to break at: rich would move the whole message to the next line, so let the
    # terminal wrap instead.
    stdout.print(line, soft_wrap=True)
    if finding.fix:
        stdout.print(Text(f"      修改建议（{finding.fix.applicability.label}）：{finding.fix.summary}", style="green"),
                     soft_wrap=True)


def _print_summary(reviews: list[Review]) -> None:
    sheets = [sheet for review in reviews for sheet in review.sheets]
    if not sheets:
        return
    table = Table("文件", "项目", "错误", "警告", "提示", "建议等级", title="审核汇总")
    for sheet in sheets:
        counts = sheet.counts
        table.add_row(Path(sheet.source or "").name, sheet.name or sheet.sheet, str(counts["error"]),
                      str(counts["warning"]), str(counts["info"]),
                      Text(sheet.grade, style=f"bold {GRADE_COLOURS[sheet.grade]}"))
    stdout.print()
    stdout.print(table)
    totals = {severity: sum(sheet.counts[severity] for sheet in sheets) for severity in ("error", "warning", "info")}
    stdout.print(f"共 {len(reviews)} 个文件、{len(sheets)} 张目标表：错误 {totals['error']}，警告 {totals['warning']}，"
                 f"提示 {totals['info']}。用 jixiao rules 代码 查看规则说明。", soft_wrap=True)

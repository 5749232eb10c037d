"""``jixiao rules``: list the review rules, or explain one with a failing and a passing example."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from jixiao.cli.console import stdout
from jixiao.cli.errors import UsageError
from jixiao.review import RULES, ProfileError, by_code, load_profile
from jixiao.review.docs import render_rule

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add ``rules`` to ``app``."""
    app.command("rules")(rules)


def rules(
    code: Annotated[str | None, typer.Argument(help="规则代码，如 JX401；不填则列出全部规则")] = None,
    profile: Annotated[str, typer.Option("--profile", help="显示该审核方案是否启用各规则")] = "central",
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出规则清单")] = False,
) -> None:
    """列出审核规则；给出规则代码时显示检查内容、原因、错误与正确示例、修复说明和依据。"""
    try:
        chosen = load_profile(profile)
    except ProfileError as error:
        raise UsageError(str(error)) from None
    if code is not None:
        rule = by_code(code)
        if rule is None:
            raise UsageError(f"没有代码为“{code}”的规则；用 jixiao rules 查看全部规则")
        # rich's Markdown pulls in markdown-it and pygments: imported only to show one rule, not for every command
        from rich.markdown import Markdown

        stdout.print(Markdown(render_rule(rule)))
        return
    if as_json:
        listing = [{"code": r.code, "name": r.name, "title": r.title, "severity": r.severity.value,
                    "dimension": r.dimension.value, "source": r.source.cite(),
                    "enabled": chosen.enabled(r.code, r.name)} for r in RULES]
        stdout.out(json.dumps(listing, ensure_ascii=False, indent=2), highlight=False)
        return
    table = Table("代码", "规则", "名称", "严重程度", "维度", f"方案 {chosen.name}", title="审核规则")
    for rule in RULES:
        severity = chosen.severity_of(rule.code, rule.severity)
        table.add_row(rule.code, rule.title, rule.name, severity.label, rule.dimension.value,
                      "启用" if chosen.enabled(rule.code, rule.name) else Text("停用", style="dim"))
    stdout.print(table)

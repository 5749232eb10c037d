"""Rule documentation generated from the code: one Chinese page per rule and an index.

Run ``python -m jixiao.review.docs`` to rewrite ``docs/rules/``; a test checks the committed pages are in step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jixiao.review.registry import RETIRED, RULES, sheet_rules
from jixiao.review.rule import Rule

__all__ = ["render_index", "render_rule", "write_docs"]

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def _block(text: str) -> str:
    return "```text\n" + text.strip() + "\n```"


# What becomes of a finding on a row whose cells may not stand where the table has them (SheetContext.doubtful), by
# whether the rule's premise is their placement (Rule.placement).
_DOUBT = {
    False: "读取程序对该行单元格的位置没有把握时（推测版式、按内容对齐、有未归入任何列的单元格、二级指标栏读到的不是标准"
           "名称等），最多报为警告，可信度标为“版式推测”；依据推断的（单位或类别取自说明文字），也最多报为警告",
    True: "本规则依据的正是单元格所在的位置，读取程序对该行单元格的位置没有把握时（推测版式、按内容对齐、有未归入任何列的"
          "单元格、二级指标栏读到的不是标准名称等）不报告：多半是读取的错位，不是表的问题",
}


def render_rule(rule: Rule) -> str:
    """The Markdown page of one rule: 检查内容 / 为什么是问题 / 错误示例 / 正确示例 / 修复说明 / 依据."""
    docs = rule.docs
    lines = [
        f"# {rule.code} {rule.title}",
        "",
        f"- 规则名称：`{rule.name}`",
        f"- 默认严重程度：{_SEVERITY[rule.severity.value]}（{rule.severity.value}）",
        f"- 审核维度：{rule.dimension.value}",
        *([f"- 读取存疑的行：{_DOUBT[rule.placement]}"] if rule in sheet_rules() else []),
        "",
        "## 检查内容", "", docs.what, "",
        "## 为什么是问题", "", docs.why, "",
        "## 错误示例", "", _block(docs.bad), "",
        "## 正确示例", "", _block(docs.good), "",
        "## 修复说明", "", docs.fix, "",
    ]
    if rule.defaults:
        lines += ["## 参数（可在审核方案中设置）", ""]
        lines += [f"- `{key}`：默认 `{value!r}`" for key, value in rule.defaults.items()]
        lines.append("")
    lines += ["## 依据", "", rule.source.cite(), ""]
    return "\n".join(lines)


def render_index() -> str:
    """The Markdown index of all rules, grouped in registry order, with retired codes."""
    lines = ["# 审核规则", "", "本页由 `python -m jixiao.review.docs` 根据代码生成，请勿手工修改。", "",
             "| 代码 | 规则 | 名称 | 严重程度 | 维度 |", "| --- | --- | --- | --- | --- |"]
    for rule in RULES:
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.title} | `{rule.name}` | "
                     f"{_SEVERITY[rule.severity.value]} | {rule.dimension.value} |")
    if RETIRED:
        lines += ["", "## 已停用的代码（不再分配给其他规则）", ""]
        lines += [f"- {code}：{why}" for code, why in sorted(RETIRED.items())]
    return "\n".join(lines) + "\n"


def expected_pages() -> dict[str, str]:
    """File name → content of every generated page."""
    pages = {f"{rule.code}.md": render_rule(rule) for rule in RULES}
    pages["index.md"] = render_index()
    return pages


def write_docs(folder: Path) -> list[Path]:
    """Write the pages into ``folder`` (removing pages of rules that no longer exist); return what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    written = []
    for name, content in pages.items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules")
    print(f"wrote {len(write_docs(target))} pages to {target}")

"""What the reader could not resolve, reported as findings so that nothing it guessed goes unseen."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Diagnostic, Document, Severity
from jixiao.review.finding import Dimension, Finding
from jixiao.review.profile import Profile
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import GOALS_2015


class ReaderDiagnostic(Rule):
    code = "JX001"
    name = "document-not-fully-read"
    title = "文档读取问题"
    severity = Severity.WARNING  # the diagnostic's own severity is kept; this is the default for docs only
    dimension = Dimension.FORM
    source = GOALS_2015.at("（绩效目标表格式）")
    message = "{message}（读取代码 {diagnostic}）"
    docs = RuleDocs(
        what="读取文档时遇到的无法确定的内容：找不到的列、无法识别的表头、推测的表格版式等。",
        why="读取时的推测可能使后续检查落在错误的单元格上；表格格式不规范本身也会妨碍审核。",
        bad="指标表缺少“指标值”列",
        good="指标表包含一级指标、二级指标、三级指标、指标值等列",
        fix="按官方表样整理表格后重新检查。",
    )

    def check(self, ctx):  # pragma: no cover - reader diagnostics are converted per document, not per sheet
        return iter(())

    def convert(self, document: Document, diagnostic: Diagnostic, profile: Profile) -> Finding:
        """The finding for one reader diagnostic; its location is the diagnostic's, its message the diagnostic's
        template and parameters spliced into the rule's (still data)."""
        return Finding.of(
            self.message, {"message": diagnostic.phrase, "diagnostic": diagnostic.code},
            rule=self.code,
            name=self.name,
            severity=profile.severity.get(self.code, diagnostic.severity),
            dimension=self.dimension,
            source=self.source.cite(),
            sheet=diagnostic.location.sheet,
            indicator=None,
            location=diagnostic.location.model_copy(update={"file": diagnostic.location.file or document.source}),
        )

    def findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        """Every reader diagnostic of ``document`` as a finding."""
        for diagnostic in document.diagnostics:
            yield self.convert(document, diagnostic, profile)

"""Standard terms written wrong: the known slips of ``data/slips.toml`` (投款 for 拨款) in a sheet's own text."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Indicator, Severity
from jixiao.model.slips import slip_words, slips_in
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Dimension, Edit, Finding, Fix
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.substance import TEXT_PLACES, sheet_texts
from jixiao.review.sources import GOALS_2015

__all__ = ["MisspeltTerm"]


class MisspeltTerm(Rule):
    code = "JX932"
    name = "misspelt-standard-term"
    title = "规范用语有错别字"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "年度目标中“{context}”的“{written}”应为“{term}”（{why}），请对照原件改正"
    terms = slip_words()
    docs = RuleDocs(
        what="资金用途、年度目标和各行指标的一级、二级指标名称（照原文，合并单元格只查一次）、名称、指标值、描述中，财政和绩效管理的规范用语是否写成了已知的错别字："
        "形近字（“财政投款”应为“财政拨款”、“完咸”应为“完成”，多为扫描识别错误）、同音字（“积效”应为“绩效”、"
        "“基础实施”应为“基础设施”，多为输入错误）或漏字（“不良应”应为“不良反应”、“强制免率”应为“强制免疫率”）。"
        "只报告词表（jixiao/model/data/slips.toml）中列出、不可能是别的词的写法；本身含有这种写法的正确用语"
        "（“强制免除”“不良应对”）不报告。每处报告一次，只作提示，并给出改正后的文字。",
        why="目标表批复后就是本年度的绩效合同，随预算公开；规范用语写错，资金性质、指标口径会被误读，审核人会要求改正"
        "后再报（语料 036、147、216）。",
        bad="产出指标 | 数量指标 | 医疗器械不良应每百万人口报告数 | ≥200份",
        good="产出指标 | 数量指标 | 医疗器械不良反应每百万人口报告数 | ≥200份",
        fix="按规范用语改正错字、补上漏字。",
    )

    _AROUND = 6  # characters shown either side

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        sheet = ctx.sheet
        places: list[tuple[str, Indicator | None, str | None]] = [("purpose", None, sheet.purpose)]
        for column, indicator, text in places + sheet_texts(sheet):
            template = self.message.replace("年度目标", TEXT_PLACES[column], 1)
            told: set[str] = set()
            for slip in slips_in(text):
                if slip.written in told:
                    continue
                told.add(slip.written)
                yield self.finding(ctx, indicator=indicator, column=column, fix=self._fix(column, indicator, text or "",
                                                                                            slip.written, slip.term),
                                   template=template, context=self._context(text or "", slip.written),
                                   written=slip.written, term=slip.term, why=slip.why)

    @classmethod
    def _context(cls, text: str, written: str) -> str:
        flat = "".join(text.split())
        at = max(flat.find(written), 0)
        start, end = max(0, at - cls._AROUND), at + len(written) + cls._AROUND
        return f"{'…' if start else ''}{flat[start:end]}{'…' if end < len(flat) else ''}"

    @staticmethod
    def _fix(column: str, indicator: Indicator | None, text: str, written: str, term: str) -> Fix | None:
        """The text with the slip replaced by its term, where the slip stands in it as written (a Traditional or
        spaced-out text is left to the preparer)."""
        if written not in text:
            return None
        edit = Edit(field=column, before=text, after=text.replace(written, term),
                    row=indicator.row if indicator is not None else None,
                    indicator=indicator.name if indicator is not None else None)
        return Fix.of(Applicability.NEEDS_HUMAN, "把“{written}”改为“{term}”", written=written, term=term, edits=(edit,))

"""The official documents the rules apply, named once so that every rule cites them the same way."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Source", "GOALS_2015", "EVALUATION_2020", "CORE_2021", "MONITORING_2019", "OPINION_2018", "LOCAL"]


@dataclass(frozen=True)
class Source:
    """A document and, where known, the article or section a rule rests on."""

    number: str  # 文号, e.g. 财预〔2015〕88号
    title: str
    article: str | None = None
    local: bool = False  # a local (provincial, municipal) practice rather than a central rule

    def at(self, article: str) -> Source:
        """The same document, citing ``article``."""
        return Source(self.number, self.title, article, self.local)

    def cite(self) -> str:
        """The citation as shown to users: ``财预〔2015〕88号《中央部门预算绩效目标管理办法》第九条``."""
        text = f"{self.number}《{self.title}》" if self.number else f"《{self.title}》"
        return text + (self.article or "") + ("（地方做法）" if self.local else "")


GOALS_2015 = Source("财预〔2015〕88号", "中央部门预算绩效目标管理办法")
EVALUATION_2020 = Source("财预〔2020〕10号", "项目支出绩效评价管理办法")
CORE_2021 = Source("财预〔2021〕101号", "中央部门项目支出核心绩效目标和指标设置及取值指引（试行）")
MONITORING_2019 = Source("财预〔2019〕136号", "中央部门预算绩效运行监控管理暂行办法")
OPINION_2018 = Source("中发〔2018〕34号", "中共中央 国务院关于全面实施预算绩效管理的意见")
LOCAL = Source("", "地方绩效目标审核实务", local=True)

"""Scoring profiles (评分方案): every weight, band and threshold of monitoring and self-evaluation, as data.

A profile is a TOML file. Two ship in ``profiles/``: ``central`` (the default) and ``hubei``. A bureau adds
its own by copying one of them, changing the numbers and passing the file's path wherever a profile name is
accepted (``jixiao score --profile 我局方案.toml``). Loading validates the file and reports mistakes in Chinese
with the setting's path, e.g. ``levels.1.weight``.
"""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from jixiao.model import QualitativeTier, canonical_level1
from jixiao.model.wording import Phrase
from jixiao.scoring.messages import validation_reason

__all__ = ["Profile", "ProfileError", "load_profile", "builtin_profiles", "DEFAULT_PROFILE"]

DEFAULT_PROFILE = "central"


class ProfileError(Exception):
    """A profile that cannot be found or is not valid; ``message`` is Chinese and names the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rounding(_Strict):
    """How many decimals scores, weights and rates keep; halves round up (四舍五入)."""

    places: int = Field(ge=0, le=6)

    def __call__(self, number: Decimal) -> Decimal:
        """``number`` rounded to the profile's places, half up."""
        return number.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)


class ExecutionWeight(_Strict):
    label: str
    weight: Decimal = Field(ge=0, le=100)


class LevelGroup(_Strict):
    """A first-level weight shared by one or more 一级指标 (Hubei scores 效益 and 满意度 together)."""

    label: str
    weight: Decimal = Field(ge=0, le=100)
    level1: list[str] = Field(min_length=1)

    @field_validator("level1")
    @classmethod
    def _known_names(cls, names: list[str]) -> list[str]:
        unknown = [n for n in names if canonical_level1(n) != n]
        if unknown:
            raise ValueError(f"不是规范的一级指标名称：{'、'.join(unknown)}（应为产出指标、效益指标、满意度指标或成本指标）")
        return names


class Band(_Strict):
    """A qualitative tier's band, as percents of the indicator's weight."""

    tier: QualitativeTier
    low: Decimal = Field(ge=0, le=100)
    high: Decimal = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> Band:
        if self.low > self.high:
            raise ValueError(f"档次“{self.tier}”的下限 {self.low} 大于上限 {self.high}")
        return self


class Grade(_Strict):
    label: str
    min: Decimal = Field(ge=0, le=100)


class Overshoot(_Strict):
    flag_share: Decimal = Field(gt=0, description="超出目标达此百分比即提示人工复核")


class _LocalRule(_Strict):
    """A rule of local practice: it may be switched on only with ``source``, the document that sets it."""

    enabled: bool
    local: bool = True
    source: str = Field(default="", description="文件名称与文号；地方规则须注明后才能启用")

    @model_validator(mode="after")
    def _cited_when_on(self) -> _LocalRule:
        if self.enabled and self.local and not self.source.strip():
            raise ValueError("地方规则须在 source 中注明依据（文件名称与文号）后才能启用")
        return self

    @property
    def citation(self) -> Phrase:
        """How explanations name the rule: local, and where it comes from (the source, as the profile gives it, a
        parameter of its own)."""
        source = self.source.strip()
        if self.local:
            return Phrase("地方规则（{source}）", {"source": source})
        return Phrase("规则（{source}）", {"source": source}) if source else Phrase("规则（评分方案）")


class OvershootDeduction(_LocalRule):
    """Local rule: a result beyond its (≥) target by ``share`` % or more loses ``points`` on that indicator."""

    share: Decimal = Field(gt=0)
    points: Decimal = Field(ge=0)


class ExecutionCap(_Strict):
    below: Decimal = Field(gt=0, le=100)
    max_total: Decimal = Field(ge=0, le=100)


class ExecutionCapRule(_LocalRule):
    """Local rule: the total may not exceed ``max_total`` when the execution rate is below ``below`` %."""

    caps: list[ExecutionCap] = Field(default_factory=list)


class WeightSharing(_Strict):
    """How a first-level weight is shared among indicators that carry no 权重 of their own."""

    within: Literal["indicator", "level2"] = Field(
        default="indicator", description="indicator：在三级指标间平均分配；level2：先在二级指标间平均，再在其下三级指标间平均")
    source: str = ""


class Rules(_Strict):
    overshoot_deduction: OvershootDeduction
    execution_cap: ExecutionCapRule


class BehindPlan(_Strict):
    """Spending behind the plan: yellow beyond ``yellow_gap`` points, red beyond ``red_gap``."""

    enabled: bool
    local: bool = False
    yellow_gap: Decimal = Field(ge=0)
    red_gap: Decimal = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> BehindPlan:
        if self.red_gap < self.yellow_gap:
            raise ValueError("red_gap（红灯差距）不能小于 yellow_gap（黄灯差距）")
        return self


class Floor(_Strict):
    month: int = Field(ge=1, le=12)
    percent: Decimal = Field(ge=0, le=100)


class Floors(_LocalRule):
    """Minimum execution rates by the end of given months (red when below)."""

    checkpoints: list[Floor] = Field(default_factory=list)


class ProgressGap(_LocalRule):
    """Goal progress and execution rate more than ``points`` apart (yellow)."""

    points: Decimal = Field(ge=0)


class AheadOfPlan(_LocalRule):
    """Spending ahead of the plan (money spent before the work it pays for): yellow beyond ``yellow_gap`` points,
    red beyond ``red_gap``."""

    yellow_gap: Decimal = Field(ge=0)
    red_gap: Decimal = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> AheadOfPlan:
        if self.red_gap < self.yellow_gap:
            raise ValueError(f"red_gap {self.red_gap} 小于 yellow_gap {self.yellow_gap}")
        return self


class OverBudget(_Strict):
    """Spending above the budget (执行率 over 100 %): red, with its own message."""

    enabled: bool
    local: bool = False


class AuditSettings(_Strict):
    """How the audit of printed self-evaluations weighs what it finds."""

    material_points: Decimal = Field(
        default=Decimal(1), ge=0, description="得分高出应得分达此分数（百分制）即为错误；不足此数的为警告")


class MonitoringRules(_Strict):
    behind_plan: BehindPlan
    ahead_of_plan: AheadOfPlan
    over_budget: OverBudget
    floors: Floors
    progress_gap: ProgressGap


class Profile(_Strict):
    """One named scoring profile. See ``profiles/central.toml`` for the meaning of every setting."""

    name: str
    label: str
    source: str = ""
    rounding: Rounding
    execution: ExecutionWeight
    levels: list[LevelGroup] = Field(min_length=1)
    qualitative: list[Band]
    grades: list[Grade] = Field(min_length=1)
    overshoot: Overshoot
    rules: Rules
    monitoring: MonitoringRules
    sharing: WeightSharing = Field(default_factory=WeightSharing)
    audit: AuditSettings = Field(default_factory=AuditSettings)

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        total = self.execution.weight + sum(level.weight for level in self.levels)
        if total != 100:
            raise ValueError(f"预算执行率与各一级指标的权重合计应为 100，现为 {total}")
        names = [name for level in self.levels for name in level.level1]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"一级指标 {'、'.join(repeated)} 出现在多个权重组中")
        tiers = [band.tier for band in self.qualitative]
        if sorted(tiers) != sorted(QualitativeTier):
            raise ValueError(f"qualitative 须为三个定性档次各设一个区间：{'、'.join(QualitativeTier)}")
        if min(grade.min for grade in self.grades) != 0:
            raise ValueError("grades 中须有一个等级的 min 为 0（最低等级）")
        return self

    def group_of(self, level1: str | None) -> LevelGroup | None:
        """The weight group an indicator of ``level1`` belongs to, or None."""
        return next((level for level in self.levels if level1 in level.level1), None)

    def band(self, tier: QualitativeTier) -> Band:
        """The band of a qualitative tier."""
        return next(band for band in self.qualitative if band.tier is tier)

    def grade(self, total: Decimal) -> str:
        """The grade (优/良/中/差) of a total score."""
        return max((g for g in self.grades if total >= g.min), key=lambda g: g.min).label


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "（整个文件）"
    return f"“{where}”{validation_reason(error)}"


def parse_profile(text: str, source: str) -> Profile:
    """Validate the TOML ``text`` of a profile; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"评分方案 {source} 不是有效的 TOML 文件：{error}") from None
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        problems = "；".join(_describe(e) for e in error.errors())
        raise ProfileError(f"评分方案 {source} 有误：{problems}") from None


def builtin_profiles() -> list[str]:
    """The names of the profiles that ship with jixiao."""
    return list(_builtin_names())


@cache
def _builtin_names() -> tuple[str, ...]:
    # Listed once: every load_profile asks, and the audit export asks for each document it writes.
    folder = resources.files("jixiao.scoring").joinpath("profiles")
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml")))


@cache
def _builtin(name: str) -> Profile:
    text = resources.files("jixiao.scoring").joinpath(f"profiles/{name}.toml").read_text(encoding="utf-8")
    return parse_profile(text, f"{name}.toml")


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name (``central``, ``hubei``) or a bureau's own profile file by path."""
    if str(name_or_path) in _builtin_names():
        return _builtin(str(name_or_path))
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml" and not path.exists():
        raise ProfileError(f"没有名为“{name_or_path}”的评分方案；可选：{'、'.join(builtin_profiles())}，或给出 .toml 文件路径")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(f"评分方案文件不存在：{path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"无法读取评分方案文件 {path}：{error}") from None
    return parse_profile(text, str(path))

"""Profiles: which rules are on, how serious they are, their parameters, the framework and the grading.

Rules differ by framework (88号/10号 vs 2021+) and by province, so none of these choices is made in code.
A profile is a TOML file: ``data/profiles/central.toml`` ships as the default; a local profile names the one
it ``extends`` and overrides what differs. Users then adjust a profile from ``jixiao.toml`` or
``pyproject.toml`` (see :mod:`jixiao.review.config`).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from jixiao.model import Framework, Severity

__all__ = ["GradePolicy", "Profile", "ProfileError", "available_profiles", "load_profile", "matches"]

GRADES = ("优", "良", "中", "差")


class ProfileError(ValueError):
    """A profile that cannot be found or read; the message is a Chinese sentence."""


class GradePolicy(BaseModel):
    """How a sheet's suggested grade follows from its findings (see :mod:`jixiao.review.outcome`)."""

    deductions: dict[Severity, Decimal] = Field(
        default_factory=lambda: {Severity.ERROR: Decimal(10), Severity.WARNING: Decimal(3), Severity.INFO: Decimal(0)}
    )
    rule_cap: Decimal = Decimal(20)  # one rule repeated on many rows deducts at most this much
    thresholds: dict[str, Decimal] = Field(
        default_factory=lambda: {"优": Decimal(90), "良": Decimal(75), "中": Decimal(60)}
    )
    # Findings of these rules cap the grade whatever the score (a sheet with no indicators cannot be 良).
    caps: dict[str, Literal["优", "良", "中", "差"]] = Field(default_factory=dict)
    # An error finding is something a reviewer returns the sheet for: such a sheet is at best this grade.
    error_cap: Literal["优", "良", "中", "差"] | None = None
    # Findings of these rules do not count towards the grade (JX001: how the file was read, not what it says).
    ungraded: list[str] = Field(default_factory=list)
    # A sheet the file cuts off (reader diagnostics P114/P119/P120) was reviewed only in part: at best this grade.
    partial_cap: Literal["优", "良", "中", "差"] | None = None


class Profile(BaseModel):
    """A named rule set with parameters."""

    name: str
    label: str = ""
    extends: str | None = None
    framework: Literal["auto", "legacy", "y2021"] = "auto"
    y2021_from_year: int = 2021  # first budget year of the 财预〔2021〕101号 framework under "auto"
    framework_when_unknown: Framework = Framework.LEGACY
    # The goal-table form (jixiao/review/data/forms/): "auto" recognises it from each sheet's title and fields.
    form: str = "auto"
    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = Field(default_factory=dict)
    grade: GradePolicy = Field(default_factory=GradePolicy)
    # Error findings of these rules stop a submission; every other finding is advice while drafting.
    blocking: list[str] = Field(default_factory=list)

    def framework_for(self, year: int | None) -> Framework:
        """The framework for a sheet of ``year``: fixed by the profile, or chosen by the year under "auto"."""
        if self.framework != "auto":
            return Framework(self.framework)
        if year is None:
            return self.framework_when_unknown
        return Framework.Y2021 if year >= self.y2021_from_year else Framework.LEGACY

    def enabled(self, code: str, name: str) -> bool:
        """True when the rule ``code`` (named ``name``) is selected and not ignored."""
        return matches(code, name, self.select) and not matches(code, name, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity of rule ``code``: the profile's override or the rule's own."""
        return self.severity.get(code, default)

    def blocks(self, code: str, name: str, severity: Severity) -> bool:
        """True when a finding of rule ``code`` at ``severity`` stops the sheet from being submitted."""
        return severity is Severity.ERROR and matches(code, name, self.blocking)

    def parameter(self, code: str, key: str, default: Any) -> Any:
        """The value of parameter ``key`` of rule ``code``."""
        return self.parameters.get(code, {}).get(key, default)

    def adjusted(
        self,
        *,
        select: list[str] | None = None,
        form: str | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
        severity: dict[str, Severity] | None = None,
        parameters: dict[str, dict[str, Any]] | None = None,
    ) -> Profile:
        """A copy with user settings applied, as ruff does: ``select`` replaces, the others add."""
        merged_parameters = {code: dict(values) for code, values in self.parameters.items()}
        for code, values in (parameters or {}).items():
            merged_parameters.setdefault(code, {}).update(values)
        return self.model_copy(
            update={
                "select": list(select if select is not None else self.select) + list(extend_select or []),
                "form": form or self.form,
                "ignore": self.ignore + list(ignore or []),
                "severity": {**self.severity, **(severity or {})},
                "parameters": merged_parameters,
            }
        )


def matches(code: str, name: str, selectors: list[str]) -> bool:
    """True when a selector names the rule: ``ALL``, a code prefix (``JX4`` selects JX401…) or the rule name."""
    return any(s == "ALL" or code.startswith(s.upper()) or s == name for s in selectors)


def available_profiles() -> list[str]:
    """The names of the profiles shipped with jixiao."""
    folder = resources.files("jixiao.review").joinpath("data/profiles")
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml"))


def _read(name_or_path: str, base: Path | None) -> tuple[dict[str, Any], Path | None]:
    candidate = Path(name_or_path)
    if not candidate.is_absolute() and base is not None:
        candidate = base / candidate
    if name_or_path.endswith(".toml"):
        if not candidate.is_file():
            raise ProfileError(f"找不到审核方案文件：{candidate}")
        return tomllib.loads(candidate.read_text(encoding="utf-8")), candidate.parent
    shipped = resources.files("jixiao.review").joinpath(f"data/profiles/{name_or_path}.toml")
    if not shipped.is_file():
        raise ProfileError(f"没有名为“{name_or_path}”的审核方案；可用：{'、'.join(available_profiles())}")
    return tomllib.loads(shipped.read_text(encoding="utf-8")), None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_profile(name_or_path: str = "central", base: Path | None = None) -> Profile:
    """Load a shipped profile by name, or a profile file (``*.toml``, relative to ``base``), with its parents."""
    raw, folder = _read(name_or_path, base)
    seen = {name_or_path}
    while parent := raw.pop("extends", None):
        if parent in seen:
            raise ProfileError(f"审核方案“{name_or_path}”的 extends 形成循环")
        seen.add(parent)
        parent_raw, folder = _read(parent, folder)
        raw = _merge(parent_raw, raw)
    try:
        return Profile.model_validate(raw)
    except ValueError as error:
        raise ProfileError(f"审核方案“{name_or_path}”有误：{error}") from error

"""User configuration, as linters do it: ``jixiao.toml`` or ``[tool.jixiao]`` in ``pyproject.toml``.

Keys (all optional)::

    profile = "central"            # a shipped profile name or a path to a profile file
    form = "sichuan"               # the goal-table form (default: recognised per sheet; jixiao/review/data/forms/)
    select = ["JX1", "JX401"]      # replaces the profile's selection (codes, code prefixes, rule names, ALL)
    extend-select = ["JX705"]      # adds to it
    ignore = ["JX606"]             # switches rules off
    fail-on = "warning"            # the severity that makes ``jixiao check`` exit 1
    [severity]                     # per-rule severity overrides
    JX801 = "error"
    [parameters.JX801]             # per-rule parameters
    ceiling = 98

In ``jixiao.toml`` the keys stand at the top level (or under ``[tool.jixiao]``); in ``pyproject.toml`` under
``[tool.jixiao]``. The nearest file from the working directory upwards wins.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jixiao.model import Severity
from jixiao.review.profile import Profile, load_profile

__all__ = ["Config", "ConfigError", "find_config", "load_config"]


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message is a Chinese sentence."""


class Config(BaseModel):
    """The settings found in a configuration file, before the command line adds its own."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    profile: str = "central"
    form: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    severity: dict[str, Severity] = Field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = Field(default_factory=dict)
    path: Path | None = Field(default=None, exclude=True)

    def resolve(self, *, profile: str | None = None, select: list[str] | None = None,
                ignore: list[str] | None = None, form: str | None = None) -> Profile:
        """The profile to review with: the configured one, adjusted by the file and then by the command line."""
        base = self.path.parent if self.path else None
        loaded = load_profile(profile or self.profile, base if profile is None else None)
        return loaded.adjusted(
            select=select if select is not None else self.select,
            form=form or self.form,
            extend_select=self.extend_select,
            ignore=self.ignore + list(ignore or []),
            severity=self.severity,
            parameters=self.parameters,
        )


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``jixiao.toml`` or ``pyproject.toml`` with ``[tool.jixiao]``, from ``start`` upwards."""
    for folder in [start, *start.parents]:
        own = folder / "jixiao.toml"
        if own.is_file():
            raw = _read(own)
            return own, raw.get("tool", {}).get("jixiao", raw)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            section = _read(pyproject).get("tool", {}).get("jixiao")
            if section is not None:
                return pyproject, section
    return None


def load_config(start: Path | None = None) -> Config:
    """The configuration that applies in ``start`` (the working directory by default); defaults if none."""
    found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, raw = found
    try:
        return Config.model_validate({**raw, "path": path})
    except ValidationError as error:
        problems = "；".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise ConfigError(f"配置文件 {path} 有误：{problems}") from error


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"无法读取配置文件 {path}：{error}") from error

"""Form profiles: which goal-table form a sheet was written on, and what that form has and requires.

Forms differ by province, body and year (the Ministry's 88号 form, provincial forms, 批复表, 区域绩效目标表, the
NDRC's 中央预算内投资计划 form). A field that a form does not have is not a mistake of the table, and the indicator
framework follows the form, not the year alone. Each form is a TOML file under ``data/forms/`` that cites where
it comes from (or says "not confirmed"); :func:`recognise_form` picks the form from the sheet's title, the header
fields and columns the reader found (``GoalSheet.form_fields``) and the level names the grid uses.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, Field

from jixiao.model import GoalSheet
from jixiao.model.lexicon import fold

__all__ = ["FormError", "FormProfile", "GENERIC", "available_forms", "evidence_of", "level_word", "load_form",
           "recognise_form", "shipped_file", "shipped_names", "shows_field"]


class FormError(ValueError):
    """A form name that is not known; the message is a Chinese sentence."""


class FormProfile(BaseModel):
    """One goal-table form.

    ``fields`` are the header fields and columns the form has (canonical Chinese names, as in
    ``GoalSheet.form_fields``); ``required`` those a sheet must fill. ``framework`` is the indicator framework:
    ``legacy`` (成本指标 under 产出指标), ``y2021`` (成本指标 a level 1 of its own), ``sheet`` (the sheet's own
    placement of 成本指标 decides, the review profile's year rule when it has none) or ``none`` (a form with its
    own levels, such as 投入/管理/产出目标, where the standard structure is not checked). ``level1``/``level2`` are
    level names the form adds to the standard vocabulary, ``level1_as`` the standard level a form's level stands
    for. ``execution_rate_outside``: 预算执行率 has its own weight, so the indicators' weights add up to less than 100.
    ``required_level1``/``required_level2`` replace the review profile's required 一级 and 产出 二级 levels where
    the form sets its own (the NDRC form has no 二级 under its 产出指标).
    ``standard_level1_as_level2``: the form puts the standard 一级 names (产出指标, 效益指标…) in its 二级 column,
    under a level 1 of its own (the NDRC form's 实施效果指标). ``cost_required``: whether the form has 成本指标 at all.
    ``levels``: the level framework the form uses instead of the standard one (``data/frameworks/``).
    ``notes`` are instructions the form prints in its cells (``(必填)``, ``(100字以内)``): left in a filled-in
    cell they are template residue. ``prescribed_values`` are qualitative 指标值 the form itself prescribes (the NDRC
    form's 按计划实施): written as the form asks, they are not vague.
    """

    name: str
    label: str
    source: str
    confirmed: bool = False
    province: str | None = None
    title_words: list[str] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    required: list[str] = Field(default_factory=list)
    framework: Literal["legacy", "y2021", "sheet", "none"] = "sheet"
    levels: str | None = None
    level1: list[str] = Field(default_factory=list)
    level2: list[str] = Field(default_factory=list)
    level1_as: dict[str, str] = Field(default_factory=dict)
    required_level1: list[str] | None = None
    required_level2: list[str] | None = None
    standard_level1_as_level2: bool = False
    cost_required: bool = True
    execution_rate_outside: bool = False
    notes: list[str] = Field(default_factory=list)
    prescribed_values: list[str] = Field(default_factory=list)

    def requires(self, field: str, sheet: GoalSheet) -> bool:
        """True when ``sheet`` must fill ``field`` on this form (for an unknown form: when its source has it).

        When the reader reports the source's labels (``form_fields``), a field whose label the source does not show
        is not required: the copy lacks it (a variant of the form, or a file that starts below the header), and an
        empty cell can only be reported where the label stands.
        """
        if sheet.form_fields and not shows_field(sheet, field):
            return False
        if self.name == "generic":
            return field == "项目名称" or shows_field(sheet, field)
        return field in self.required

    def knows_level(self, written: str) -> bool:
        """True when ``written`` is a level name this form adds to the standard vocabulary."""
        folded = level_word(written)
        return any(folded == fold(name) for name in [*self.level1, *self.level2])

    def prescribes(self, value: str) -> bool:
        """True when ``value`` is a 指标值 the form prescribes for its rows (按计划实施 on the NDRC form)."""
        return any(fold(value) == fold(word) for word in self.prescribed_values)

    def standard_level1(self, written: str) -> str | None:
        """The standard 一级指标 a level of this form stands for (实施效果指标 → 效益指标), or None."""
        return next((std for name, std in self.level1_as.items() if fold(name) == fold(written)), None)


GENERIC = FormProfile(
    name="generic",
    label="未识别的表样（只检查来源表格中出现的表头字段）",
    source="未识别：按来源表格实际有的字段审核",
    execution_rate_outside=True,  # unknown: both weight conventions are accepted
)


def available_forms() -> list[str]:
    """The names of the shipped form profiles."""
    return list(shipped_names("forms"))


@cache
def shipped_names(folder: str) -> tuple[str, ...]:
    """The names of the TOML files shipped under ``data/<folder>`` (forms, frameworks)."""
    # They are package data: listing them once per process spares every sheet a folder listing.
    entries = resources.files("jixiao.review").joinpath(f"data/{folder}").iterdir()
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in entries if entry.name.endswith(".toml")))


def shipped_file(folder: str, name: str):
    """The TOML file ``name`` shipped under ``data/<folder>`` (it may not exist)."""
    return resources.files("jixiao.review").joinpath(f"data/{folder}/{name}.toml")


@cache
def load_form(name: str) -> FormProfile:
    """The shipped form profile ``name`` (``generic`` for none)."""
    if name == GENERIC.name:
        return GENERIC
    entry = shipped_file("forms", name)
    if not entry.is_file():
        raise FormError(f"没有名为“{name}”的表样；可用：{'、'.join(available_forms())}")
    return FormProfile.model_validate(tomllib.loads(entry.read_text(encoding="utf-8")))


def level_word(written: str) -> str:
    """A level name as written, folded and without the form's numbering (一、投入目标, 1.数量目标: 投入目标, 数量目标)."""
    return fold(written).lstrip("0123456789一二三四五六七八九十、.．")


# Header fields read from the model, by the name a form gives them: a filled value shows the form has the field.
_FILLED = {
    "项目编码": lambda s: s.code,
    "资金用途": lambda s: s.purpose,
    "资金支出计划": lambda s: s.spend_plan,
    "绩效指标描述": lambda s: any(i.description for i in s.indicators),
    "指标值确定依据": lambda s: any(i.basis for i in s.indicators),
    "权重": lambda s: any(i.weight_raw for i in s.indicators),
    "指标方向性": lambda s: any(i.direction_raw for i in s.indicators),
}


# The labels a reader reports for a header field, where a form profile names the field differently: the goals are
# the year's (绩效目标) or, on a form whose only goals column is the period's (湖南 2023 公开格式: 实施期绩效目标), those.
_READER_LABELS = {"年度目标": ("绩效目标", "中期目标")}


def shows_field(sheet: GoalSheet, field: str) -> bool:
    """True when the source of ``sheet`` has a label for header field ``field`` (as ``GoalSheet.form_fields`` names it)."""
    return field in sheet.form_fields or any(label in sheet.form_fields for label in _READER_LABELS.get(field, ()))


def evidence_of(sheet: GoalSheet) -> set[str]:
    """What the sheet shows of its form: its header fields and columns, and the level names its grid uses."""
    found = {fold(name) for name in sheet.form_fields}
    found |= {fold(name) for name, filled in _FILLED.items() if filled(sheet)}
    # The level names repeat down the grid: each different one is folded once.
    levels = {level for indicator in sheet.indicators
              for level in (indicator.level1_raw, indicator.level2_raw, indicator.level1, indicator.level2) if level}
    # A form numbers its own levels (一、投入目标, 1.数量目标): the name without the number is what the form is known by,
    # so that a copy whose title was not read (Traditional characters, corpus 037) is still recognised by its levels.
    found |= {fold(level) for level in levels} | {level_word(level) for level in levels}
    found.discard("")
    return found


def recognise_form(sheet: GoalSheet) -> FormProfile:
    """The shipped form ``sheet`` was most likely written on, or :data:`GENERIC` when none fits.

    A title word counts 3, each header label or level name the form is known by counts 1; at least 2 are needed.
    """
    evidence = evidence_of(sheet)
    title = fold(sheet.title or "")
    place = fold((sheet.title or "") + (sheet.unit.name if sheet.unit and sheet.unit.name else ""))
    best, best_score = GENERIC, 1
    for form, title_words, labels in _recognisable_forms():
        score = 3 * any(word in title for word in title_words)
        score += sum(label in evidence for label in labels)
        score += bool(form.province and form.province in place)
        if score > best_score:
            best, best_score = form, score
    return best


@cache
def _recognisable_forms() -> tuple[tuple[FormProfile, tuple[str, ...], tuple[str, ...]], ...]:
    # Each shipped form with its title words and labels folded once per process, not once per sheet.
    recognisable = []
    for name in shipped_names("forms"):
        form = load_form(name)
        title_words = tuple(fold(word) for word in form.title_words if word)
        labels = tuple(fold(label) for label in [*form.labels, *form.level1, *form.level2])
        recognisable.append((form, title_words, labels))
    return tuple(recognisable)

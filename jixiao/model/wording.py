"""A message as data: a template with named slots and the parameters that fill them, rendered late.

:class:`Worded` is the one shape of a message, which findings and their fixes (:mod:`jixiao.model.finding`), reader
diagnostics (:mod:`jixiao.model.diagnostic`) and the messages of monitoring and scoring are built on or hold: what is
stored, sent and shown is the template and its parameters (each one cell text, name, figure or phrase), and the text
is rendered where it is shown, so that a parameter is never read as template text (a cell holding ``{x}`` stays
``{x}``) and a different wording never needs the reader or the rule to run again. :class:`Phrase` is how the core
builds one from parts before it is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from string import Formatter
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, Field, GetJsonSchemaHandler, PlainSerializer, computed_field, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

__all__ = ["Param", "Phrase", "Worded", "listed", "literal", "quoted_cells", "render", "shown", "slots_of", "spliced"]


def shown(value: str | Decimal) -> str:
    """A parameter as a message shows it: a figure as the rule gave it, at its own precision and never with an
    exponent (Decimal("1E+2") is 100, Decimal("8.30") stays 8.30), any other value as it is."""
    return format(value, "f") if isinstance(value, Decimal) else value


# A message parameter: a figure stays a Decimal from the rule to the page; stored as JSON it is its text (as shown), which
# renders the same when a stored finding or diagnostic is loaded again.
Param = Annotated[str | Decimal, PlainSerializer(shown, return_type=str, when_used="json")]


def render(template: str, params: Mapping[str, str | Decimal]) -> str:
    """``template`` with its slots filled by ``params``: the one way a finding's or a diagnostic's message (and a
    phrase) is put into words, by the CLI, the pages and the API alike."""
    return template.format_map({key: shown(value) for key, value in params.items()})


def literal(text: str) -> str:
    """``text`` as a template of no slots, which renders as ``text`` whatever braces it holds: the template of a
    message stored before messages kept theirs."""
    return text.replace("{", "{{").replace("}", "}}")


def slots_of(template: str) -> set[str]:
    """The names of the slots of ``template``."""
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def _rewritten(template: str, slot: Callable[[str], str]) -> str:
    """``template`` with each slot ``{name}`` replaced by the template text ``slot(name)``, its literal text (escaped
    braces too) kept as it is. (Slots here have no format spec or conversion: a parameter is shown as it is.)"""
    parts = []
    for text, name, _spec, _conversion in Formatter().parse(template):
        parts.append(literal(text))
        if name is not None:
            parts.append(slot(name))
    return "".join(parts)


def listed(item: str, values: Sequence[Mapping[str, object]], separator: str = "、") -> tuple[str, dict[str, str]]:
    """A list for a message whose items stay data: the template text of ``values``, each written as ``item`` (a
    template of its own slots: ``“{name}”（{raw}）``) with its slots numbered (``{name_1}``, ``{raw_1}``…), and the
    parameters that fill them. A rule puts the text into its template; each parameter stays one name, cell or figure.
    """
    parts, params = [], {}
    for number, value in enumerate(values, 1):
        parts.append(_rewritten(item, lambda slot, number=number: f"{{{slot}_{number}}}"))
        params.update({f"{key}_{number}": str(slot) for key, slot in value.items()})
    return separator.join(parts), params


@dataclass(frozen=True)
class Phrase:
    """Words a computation of the core puts into a message (a recomputed score's working, a spending plan's
    interpolation), still as data: a template and the parameters that fill it, a parameter being a figure, a text or
    a phrase of its own. A rule passes it as one slot of its finding, and the finding takes its template in place of
    the slot and its parameters under the slot's name (:func:`spliced`), so that what is stored and rendered is one
    template and its data; shown on its own (a table's column), it is rendered by :func:`render` too."""

    template: str
    params: Mapping[str, str | Decimal | Phrase] = field(default_factory=dict)

    def then(self, other: Phrase, separator: str = "；") -> Phrase:
        """This phrase followed by ``other``; their slots must not name different values."""
        clash = [key for key in self.params.keys() & other.params.keys() if self.params[key] != other.params[key]]
        if clash:
            raise ValueError(f"phrase slots given twice: {', '.join(sorted(clash))}")
        return Phrase(f"{self.template}{separator}{other.template}", {**self.params, **other.params})

    @classmethod
    def listing(cls, item: str, values: Sequence[Mapping[str, object]], separator: str = "、") -> Phrase:
        """A list as a phrase: :func:`listed`'s template and parameters (each item written as ``item``)."""
        return cls(*listed(item, values, separator))

    @classmethod
    def joined(cls, parts: Sequence[Phrase | str], separator: str = "；") -> Phrase:
        """``parts`` one after another, ``separator`` between them, each kept as it is: a phrase with its own slots
        (numbered ``part_1``, ``part_2``… so that two parts may use the same names) or a text as one parameter;
        one phrase alone is itself."""
        if len(parts) == 1 and isinstance(parts[0], Phrase):
            return parts[0]
        slots = {f"part_{number}": part for number, part in enumerate(parts, 1)}
        return cls(literal(separator).join(f"{{{slot}}}" for slot in slots), slots)

    def __str__(self) -> str:
        return render(*spliced(self.template, self.params))


def quoted_cells(cells: Sequence[str], separator: str = "｜", limit: int | None = None) -> Phrase:
    """``cells`` as a message quotes them, joined by ``separator`` (one character) and, given a ``limit``, cut after
    that many characters, each cell (the last one cut) still one parameter: ``separator.join(cells)[:limit]`` as
    data."""
    kept, room = [], len(separator.join(cells)) if limit is None else limit
    for number, cell in enumerate(cells):
        if number:
            if room <= 0:
                break
            room -= len(separator)
        kept.append({"cell": cell[:max(room, 0)]})
        room -= len(cell)
    return Phrase.listing("{cell}", kept, separator)


def spliced(template: str, params: Mapping[str, str | Decimal | Phrase]) -> tuple[str, dict[str, str | Decimal]]:
    """``template`` and ``params`` with every :class:`Phrase` parameter put in place: its template where its slot
    stood, its slots and parameters renamed under the slot's name (``{formula}`` holding ``分值 {weight}`` becomes
    ``分值 {formula_weight}``), as :func:`listed` numbers a list's."""
    flat: dict[str, str | Decimal] = {}
    for key, value in params.items():
        if isinstance(value, Phrase):
            inner, inner_params = spliced(value.template, value.params)
            inner = _rewritten(inner, lambda slot, key=key: f"{{{key}_{slot}}}")
            template = _rewritten(template, lambda slot, key=key, inner=inner: inner if slot == key else f"{{{slot}}}")
            flat.update({f"{key}_{slot}": text for slot, text in inner_params.items()})
        else:
            flat[key] = value
    return template, flat


class Worded(BaseModel):
    """A message as data, the one shape of every message jixiao keeps (a finding, its fix, a reader's diagnostic or
    note on a 指标值 cell, a monitoring warning, a problem with the inputs to scoring, a score's working, flag or
    note): ``params`` (each a figure, a name or a cell) fill the slots of ``template``, and :attr:`message` renders
    them. A message is a model of its own with its other fields (a :class:`~jixiao.model.finding.Finding` is one), or
    a field holding one.

    A message stored before it kept its template holds its text alone (under :attr:`stored_text`, or the text itself
    where a list of texts was kept): it is read as a template of no slots, which shows the same text. (Tolerated
    rather than migrated: files written by jixiao are out of any migration's reach.)"""

    template: str = Field(description="The message: a template with slots")
    params: dict[str, Param] = Field(default_factory=dict, description="What fills the template's slots")
    # The key a message stored as its text alone holds it under: its rendered field when it was stored.
    stored_text: ClassVar[str] = "message"

    @classmethod
    def of(cls, template: str, params: Mapping[str, str | Decimal | Phrase] | None = None, **fields: Any) -> Self:
        """The message ``template`` filled by ``params`` (a :class:`Phrase` parameter put in place of its slot, as
        :func:`spliced` does), with the model's other ``fields``."""
        template, flat = spliced(template, params or {})
        return cls(template=template, params=flat, **fields)

    @classmethod
    def of_phrase(cls, phrase: Phrase) -> Self:
        """``phrase`` kept as a message (its inner phrases put in place)."""
        return cls.of(phrase.template, phrase.params)

    @property
    def phrase(self) -> Phrase:
        """This message as a phrase, to be put into another message as one of its slots."""
        return Phrase(self.template, self.params)

    @model_validator(mode="before")
    @classmethod
    def _stored_as_text(cls, data: object) -> object:
        if isinstance(data, str):
            return {"template": literal(data)}
        if isinstance(data, dict) and "template" not in data and isinstance(data.get(cls.stored_text), str):
            return {**data, "template": literal(data[cls.stored_text])}
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """As read (an interchange document, a stored value), a message holds its template or, as written before it
        kept one, its text alone; as written, it holds both."""
        schema = handler(core_schema)
        if handler.mode == "validation":
            model = handler.resolve_ref_schema(schema)
            model["required"] = [name for name in model.get("required", []) if name != "template"]
            model["anyOf"] = [{"required": ["template"]}, {"required": [cls.stored_text]}]
            model["properties"][cls.stored_text] = {
                "type": "string", "title": cls.stored_text.title(),
                "description": "The message rendered; written with the template, or alone by jixiao before it kept "
                               "its template (then read as a template of no slots)"}
        return schema

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message(self) -> str:
        """The message in Chinese, its slots filled."""
        return render(self.template, self.params)

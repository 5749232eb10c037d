"""A stored sheet's other budget sources (the core's ``Budget.sources``: 政府性基金拨款, 上年结转资金 … printed beside
财政资金 and 其他资金), kept in ``Sheet.budget_sources`` as [label, amount] pairs in the form's order (a list, as
PostgreSQL's jsonb would reorder an object's keys), each amount as :func:`jixiao.model.amounts.amount_text` writes it.

Whether they add up with 财政资金 and 其他资金 to the 预算数 is the review's JX701, not a refusal here: a draft is saved
as the user wrote it and the finding says what does not add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from jixiao.documents.vocabulary import canonical_label, header_label, labels
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import fold
from jixiao.web.bounds import InvalidValue
from jixiao.web.sheets.models import MONEY, Sheet

__all__ = ["MAX_SOURCES", "SOURCE_LABELS", "SOURCE_LABEL_LENGTH", "source_cells", "sources_check", "sources_of"]

FIELD = "budget_sources"
# The most sources one sheet lists: forms print up to five or six beside 财政资金 and 其他资金.
MAX_SOURCES = 30
SOURCE_LABEL_LENGTH = 100
# The budget's own rows, which the reader reads as such (财政拨款 is 财政资金): a source labelled so is that row twice.
_OWN_ROWS = ("total", "fiscal", "other")
# The labels the reader knows a source by, offered as the editor's suggestions.
SOURCE_LABELS = tuple(labels()["header"]["source"])
_LIMIT = Decimal(10) ** (MONEY["max_digits"] - MONEY["decimal_places"])


def source_cells(sources: Mapping[str, Decimal] | Iterable[tuple[str, Decimal]]) -> list[list[str]]:
    """``sources`` (label → amount, or pairs in order) as ``Sheet.budget_sources`` keeps them: each label without its
    surrounding spaces, each amount with the places it needs and at least the 分's two."""
    pairs = sources.items() if isinstance(sources, Mapping) else sources
    return [[label.strip(), amount_text(figure)] for label, figure in pairs]


def sources_of(cells: Iterable[Iterable[str]]) -> dict[str, Decimal]:
    """The core's ``Budget.sources`` of stored cells (:func:`source_cells`)."""
    return {label: Decimal(text) for label, text in cells}


def sources_check(cells: list[list[str]], field: str = FIELD) -> None:
    """Refuse (:class:`InvalidValue` naming the ``field`` they are kept in, 另列资金来源 or the span's, and the source)
    stored cells that are not a budget's sources:
    more than :data:`MAX_SOURCES`, a label empty, too long, one of the budget's own rows (预算数, 财政资金, 其他资金 in
    any of their spellings: 财政拨款 is 财政资金) or given twice (as folded: 上年結轉 is 上年结转), an amount negative or
    beyond the budget columns' digits. (A NUL character is refused with every column's, by
    :func:`jixiao.web.bounds.columns_check`.)"""
    where = f"“{Sheet._meta.get_field(field).verbose_name}”"
    if len(cells) > MAX_SOURCES:
        raise InvalidValue(field, f"{where}最多{MAX_SOURCES}项")
    seen: set[str] = set()
    for position, (label, text) in enumerate(cells, start=1):
        if not label:
            raise InvalidValue(field, f"{where}第{position}项：请填写来源名称")
        if len(label) > SOURCE_LABEL_LENGTH:
            raise InvalidValue(field, f"{where}“{label[:20]}…”：来源名称最多{SOURCE_LABEL_LENGTH}个字")
        if (own := header_label(label)) in _OWN_ROWS:
            raise InvalidValue(field, f"{where}“{label}”：这是{canonical_label('header', own)}，已有自己的一栏，"
                                      "不是另列的来源")
        if fold(label) in seen:
            raise InvalidValue(field, f"{where}“{label}”重复：每项来源只填一行")
        seen.add(fold(label))
        try:
            figure = Decimal(text)
        except (InvalidOperation, TypeError, ValueError):
            raise InvalidValue(field, f"{where}“{label}”：金额不是数字") from None
        if not figure.is_finite() or figure < 0 or figure >= _LIMIT \
                or figure != figure.quantize(Decimal(1).scaleb(-MONEY["decimal_places"])):
            raise InvalidValue(field, f"{where}“{label}”：金额应为不小于0的数，整数部分最多"
                                      f"{MONEY['max_digits'] - MONEY['decimal_places']}位，小数最多"
                                      f"{MONEY['decimal_places']}位")

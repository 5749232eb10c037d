"""The memo caches a batch fills stay bounded (issue 13): a cache of every text met grew a worker's memory with
the sheets it read (326 MB by 100,000), where the recurring vocabulary fits in a few thousand entries."""

from __future__ import annotations

import functools
import gc
import inspect

import jixiao.cli.check_command  # (imports the reading and review a batch runs)
import jixiao.documents.readers.docx_reader  # (the readers are imported when a format is first read)
import jixiao.documents.readers.xlsx_reader  # noqa: F401
from jixiao.documents.pipeline.cell_facts import cell_facts
from jixiao.documents.pipeline.labels import label
from jixiao.documents.vocabulary import header_label
from jixiao.model.lexicon import _MEMO_LONGEST, TEXT_MEMO, _converted_memo, fold, simplified, simplified_in_place
from jixiao.model.target_text import parse_target
from jixiao.review.lexicon import is_growth, is_not_spent, is_reverse, is_timeliness, kind_of
from jixiao.review.rules.consistency import _bigrams

# What an unbounded cache may be keyed on: names in jixiao's own data (a vocabulary's section, a form, a profile),
# or a folder of its data files, of which there are a fixed few, never a text read from a file.
_DATA_KEYS = {"name", "section", "key", "field", "level", "framework", "packages", "folder"}


def _jixiao_caches() -> list[functools._lru_cache_wrapper]:
    return [
        cache
        for cache in gc.get_objects()
        if type(cache) is functools._lru_cache_wrapper and cache.__module__.startswith("jixiao.")
    ]


def test_every_cache_is_bounded_or_keyed_on_jixiaos_own_data():
    caches = _jixiao_caches()
    assert len(caches) > 50
    for cache in caches:
        where = f"{cache.__module__}.{cache.__qualname__}"
        maxsize = cache.cache_info().maxsize
        if maxsize is None:
            assert set(inspect.signature(cache).parameters) <= _DATA_KEYS, where
        else:
            assert maxsize <= TEXT_MEMO, where


def test_the_caches_of_a_cells_text_hold_text_memo_entries():
    for cache in (
        fold,
        simplified,
        label,
        cell_facts,
        header_label,
        parse_target,
        kind_of,
        is_reverse,
        is_timeliness,
        is_not_spent,
        is_growth,
        _bigrams,
    ):
        assert cache.cache_info().maxsize == TEXT_MEMO, cache.__qualname__


def test_a_cells_conversion_is_kept_and_a_whole_documents_is_not():
    cell, document = "項目名稱", "績效目標表" * (_MEMO_LONGEST // 5 + 1)
    _converted_memo.cache_clear()
    assert simplified_in_place(cell) == "项目名称"
    assert simplified_in_place(document) == "绩效目标表" * (_MEMO_LONGEST // 5 + 1)
    assert simplified_in_place(cell) == "项目名称"
    info = _converted_memo.cache_info()
    assert (info.currsize, info.hits) == (1, 1)  # the cell's text, asked twice; the document's is not kept

"""The public site's search index: one entry per current public version, written and removed in the transaction
that publishes, adjusts (publishes a new version) or withdraws it.

A word matches an entry when it occurs in the entry's text: a substring test, which is what Chinese needs (no
word segmenter) and means the same on SQLite and PostgreSQL because both sides are normalised here, by
:func:`search_key`, never by the database's collation. Each database finds the entries through a trigram index
made by migration 0003: SQLite an FTS5 table with the trigram tokenizer kept in step with the entries by
triggers, PostgreSQL a GIN index with pg_trgm's operator class, which its ``LIKE`` uses. A trigram index can only
look up words of three characters or more; a shorter word (二字词 such as 维稳 are common) is tested on the rows
the longer words found, or, when every word is short, on the entries in the results' order until a page is full.
"""

from __future__ import annotations

import unicodedata

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from jixiao.model import GoalSheet
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.models import Publication, SearchEntry

__all__ = ["FTS_TABLE", "MAX_WORDS", "search_entry", "search_entry_remove", "search_entry_write", "search_key", "search_words",
           "searched"]

FTS_TABLE = "publication_searchentry_fts"  # SQLite's FTS5 table over SearchEntry.text (migration 0003)
TRIGRAM = 3  # the shortest word a trigram index can look up
MAX_WORDS = 8


def search_key(text: str) -> str:
    """Text as the index holds it and as queries are matched: NFKC (full-width letters and digits, common in
    Chinese documents, become the ASCII ones) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_words(query: str) -> list[str]:
    """The distinct words of a query, normalised, at most ``MAX_WORDS``."""
    return list(dict.fromkeys(search_key(query).split()))[:MAX_WORDS]


def search_entry(publication: Publication, unit: Unit, content: GoalSheet) -> SearchEntry:
    """The (unsaved) entry of a version: its unit, project and indicators."""
    words = [unit.name, unit.code, content.code or "", content.name or ""]
    words += [f"{i.level2 or ''} {i.name}" for i in content.indicators]
    return SearchEntry(publication=publication, year=publication.year, unit_code=unit.code, code=publication.code,
                       text=search_key(" ".join(w for w in words if w)))


def search_entry_write(publication: Publication, unit: Unit, content: GoalSheet) -> SearchEntry:
    """Make ``publication`` the sheet's entry (an earlier version's entry goes): call in the publishing
    transaction."""
    search_entry_remove(publication.sheet_id)
    entry = search_entry(publication, unit, content)
    entry.save(force_insert=True)
    return entry


def search_entry_remove(sheet_id: int) -> None:
    """Take the sheet out of search (withdrawn, or replaced by a new version): call in the write's transaction."""
    SearchEntry.objects.filter(publication__sheet_id=sheet_id).delete()


def searched(words: list[str]) -> QuerySet[Publication]:
    """The current public versions whose entry contains every word (normalised, see :func:`search_words`), newest
    year first, then by unit and project code, with their units."""
    if not words:
        return Publication.objects.none()
    found = Publication.objects.select_related("unit").filter(search_entry__isnull=False)  # an inner join
    indexed = [w for w in words if len(w) >= TRIGRAM]
    if indexed and connection.vendor == "sqlite":
        # A phrase of the trigram tokenizer matches where its text occurs: the substring test itself.
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)
        # The unary + keeps SQLite from driving the join by the matches: it walks the order's index and stops at a
        # page's end, where the matches looked up one by one and sorted cost 30 times more for a word in every
        # table. (The alias is Django's for the table's first join.)
        found = found.filter(RawSQL(f'+"publication_searchentry"."publication_id" IN (SELECT rowid FROM {FTS_TABLE} '
                                    f"WHERE {FTS_TABLE} MATCH %s)", (match,), output_field=BooleanField()))
        words = [w for w in words if len(w) < TRIGRAM]
    for word in words:  # PostgreSQL's LIKE reads its trigram index for the long words itself
        found = found.filter(search_entry__text__contains=word)
    return found.order_by("-search_entry__year", "search_entry__unit_code", "search_entry__code",
                          "search_entry__publication_id")

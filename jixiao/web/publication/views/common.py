"""Lookups shared by the public views: each either finds what the URL names or answers 404."""

from __future__ import annotations

from django.http import Http404

from jixiao.web.organisation.models import Unit
from jixiao.web.publication.selectors import PublicTable, public_bureau, public_table

__all__ = ["bureau_or_404", "table_or_404", "year_or_404"]


def year_or_404(text: str) -> int:
    """The year of the URL (2000–2100)."""
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise Http404("没有这个年度")
    return int(text)


def bureau_or_404(code: str) -> Unit:
    """A bureau that has published something, by its code."""
    bureau = public_bureau(code)
    if bureau is None:
        raise Http404("没有找到这个财政部门的公开信息")
    return bureau


def table_or_404(pk: int) -> PublicTable:
    """A public (not withdrawn) version of a table."""
    found = public_table(pk)
    if found is None:
        raise Http404("没有找到这张公开的表（可能已撤回）")
    return found

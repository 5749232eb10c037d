"""The upload form of the audit page."""

from __future__ import annotations

from django import forms

from jixiao.scoring import builtin_profiles, load_profile
from jixiao.web.sheets.forms import MultipleFileField

__all__ = ["AuditUploadForm"]


class AuditUploadForm(forms.Form):
    """Units' printed self-evaluations or monitoring tables for one year, one file or a .zip."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    profile = forms.ChoiceField(label="评分方案")
    files = MultipleFileField(label="文件", help_text="单位的绩效自评表或运行监控表：.json .docx .xlsx .txt 等，或它们的 .zip 压缩包")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(name, load_profile(name).label) for name in builtin_profiles()]

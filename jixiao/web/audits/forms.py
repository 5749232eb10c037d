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
    # Many printed tables do not name their unit (or name it unlike the bureau's list): the reviewer knows whose
    # file it is.
    unit = forms.ModelChoiceField(label="单位", queryset=None, required=False, empty_label="按文件中所写的单位对应",
                                  help_text="文件中未写单位、或写法与本局单位名称不同时，选择提交文件的单位")
    # A printed year may be misread or simply wrong (a 2023 table headed 2022): the reviewer can overrule it.
    accept_year = forms.BooleanField(label="文件中的年度与所选年度不同时，仍按所选年度复核", required=False)
    # A table naming another of the bureau's units than the one chosen is refused unless the reviewer says it is the
    # chosen unit's (a unit filing a table it drew up for another, a renamed unit): its audit is then filed under the
    # chosen unit, and the security log records that it was.
    accept_unit = forms.BooleanField(label="文件中写的单位与所选单位不同时，仍按所选单位复核", required=False)
    files = MultipleFileField(label="文件", help_text="单位的绩效自评表或运行监控表：.json .docx .xlsx .txt 等，或它们的 .zip 压缩包")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(name, load_profile(name).label) for name in builtin_profiles()]
        self.fields["unit"].queryset = units

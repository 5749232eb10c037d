"""Forms of the people-and-units page. Labels are the ones users see; services do the writing."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm

from jixiao.web.organisation.models import Role, Unit

__all__ = ["UnitForm", "MemberForm"]


class UnitForm(forms.ModelForm):
    """A new budget unit under the admin's bureau (code unique across the system)."""

    class Meta:
        model = Unit
        fields = ["code", "name"]
        error_messages = {"code": {"unique": "这个单位编码已有单位使用（单位编码在全系统唯一），请核对后重新填写"}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)


class MemberForm(BaseUserCreationForm):
    """A new person: login name, name, unit, role and a first password checked by Django's validators."""

    first_name = forms.CharField(label="姓名", max_length=150, required=False)
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    field_order = ["username", "first_name", "unit", "role", "password1", "password2"]

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].queryset = units
        self.fields["username"].label = "登录名"

    def clean(self):
        cleaned = super().clean()
        unit, role = cleaned.get("unit"), cleaned.get("role")
        if unit is not None and role and role != Role.PREPARER and unit.kind != Unit.Kind.BUREAU:
            self.add_error("unit", "审核人和管理员应属于财政局，请选择财政局")
        return cleaned


"""The account page (who I am, API tokens) and the bureau admin's page of units and people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from jixiao.web.organisation.forms import MemberForm, UnitForm
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import (
    bureau_members,
    bureau_units,
    can_manage_people,
    can_manage_units,
    request_member,
)
from jixiao.web.organisation.services import (
    member_create,
    member_set_active,
    member_set_role,
    token_create,
    unit_create,
)

__all__ = ["account", "people"]


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """Show the account; POST creates an API token, shown once."""
    token = token_create(user=request.user, label="网页创建") if request.method == "POST" else None
    return render(request, "organisation/account.html", {"token": token,
                                                         "tokens": request.user.api_tokens.order_by("-created_at")})


@login_required
@require_http_methods(["GET", "POST"])
def people(request):
    """单位与人员: the bureau's administrator adds units under the bureau; it (or, with duties separated, the
    security administrator) adds people, changes roles, and stops or restores logins."""
    member = request_member(request)
    units_duty, people_duty = can_manage_units(member), can_manage_people(member)
    if not (units_duty or people_duty):
        raise PermissionDenied("只有财政局的管理员或安全管理员可以管理单位和人员")
    units = bureau_units(member)
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and not (units_duty if action == "unit" else people_duty):
        raise PermissionDenied("按职责分离，这项操作由另一位管理员负责")
    unit_form = UnitForm(request.POST if action == "unit" else None, prefix="unit")
    member_form = MemberForm(request.POST if action == "member" else None, prefix="member", units=units)
    if action == "unit" and unit_form.is_valid():
        unit = unit_create(parent=units.get(pk=member.bureau_id), **unit_form.cleaned_data)
        messages.success(request, f"已添加单位：{unit}")
        return redirect("people")
    if action == "member" and member_form.is_valid():
        data = member_form.cleaned_data
        added = member_create(username=data["username"], password=data["password1"], unit=data["unit"],
                              role=Role(data["role"]), full_name=data["first_name"])
        messages.success(request, f"已添加人员：{added}")
        return redirect("people")
    if action == "role":
        target = get_object_or_404(bureau_members(member), pk=request.POST.get("member"))
        role = request.POST.get("role", "")
        if target.pk == member.pk:
            messages.error(request, "不能变更自己的角色")
        elif role not in Role.values:
            messages.error(request, "请选择角色")
        else:
            try:
                member_set_role(member=target, role=Role(role))
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"已变更角色：{target}")
        return redirect("people")
    if action in ("stop", "restore"):
        target = get_object_or_404(bureau_members(member), pk=request.POST.get("member"))
        if target.pk == member.pk:
            messages.error(request, "不能停用自己的账户")
        else:
            member_set_active(member=target, active=action == "restore")
            messages.success(request, f"已{'停用' if action == 'stop' else '恢复'}：{target}")
        return redirect("people")
    return render(request, "organisation/people.html", {
        "units": units.order_by("kind", "code"), "people": bureau_members(member), "me": member,
        "unit_form": unit_form, "member_form": member_form, "roles": Role.choices,
        "units_duty": units_duty, "people_duty": people_duty,
    })

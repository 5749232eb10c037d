"""Units, members and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models

__all__ = ["ApiToken", "Member", "Role", "Unit"]


class Unit(models.Model):
    """A budget unit (预算单位) or a finance bureau (财政局) over units.

    ``bureau`` is the finance bureau that reviews this unit's sheets (empty for a bureau itself); it is kept
    alongside ``parent`` so that a reviewer's scope is one indexed filter however deep the hierarchy is.
    """

    class Kind(models.TextChoices):
        BUREAU = "bureau", "财政局"
        UNIT = "unit", "预算单位"

    code = models.CharField("单位编码", max_length=32, unique=True)
    name = models.CharField("单位名称", max_length=200)
    kind = models.CharField("类型", max_length=8, choices=Kind.choices, default=Kind.UNIT)
    parent = models.ForeignKey("self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    bureau = models.ForeignKey("self", verbose_name="所属财政局", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="reviewed_units")

    class Meta:
        verbose_name = "单位"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Role(models.TextChoices):
    """What a member may do: prepare its own unit's sheets, review the bureau's units, administer the bureau's
    units and people (系统管理员), manage its people (安全管理员) or read its security audit log (审计管理员); the
    last two see no sheets. With ``JIXIAO_SEPARATE_DUTIES`` the administrator keeps only the units."""

    PREPARER = "preparer", "填报人"
    REVIEWER = "reviewer", "审核人"
    ADMIN = "admin", "管理员"
    SECURITY = "security", "安全管理员"
    AUDITOR = "auditor", "审计管理员"


class Member(models.Model):
    """A user's place: the unit (for reviewers and admins, the bureau) and the role."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="members")
    role = models.CharField("角色", max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = "人员"

    def __str__(self) -> str:
        return f"{self.user.get_username()}（{self.unit.name}，{self.get_role_display()}）"

    @property
    def bureau_id(self) -> int:
        """The bureau whose units this member works with."""
        return self.unit_id if self.unit.kind == Unit.Kind.BUREAU else self.unit.bureau_id


class ApiToken(models.Model):
    """A token for the HTTP API. Only its SHA-256 digest is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    label = models.CharField("用途", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API 令牌"

    def __str__(self) -> str:
        return f"{self.user.get_username()} 的令牌（{self.label or '未注明用途'}）"

"""The security audit log and the password history."""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from jixiao.web.security.events import ACTIONS, Result

__all__ = ["AppendOnly", "AuditEvent", "PasswordRecord"]


class AppendOnly(Exception):
    """The application tried to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    """Rows are added, never changed or deleted through the ORM (pruning is ``audit.audit_prune``)."""

    def update(self, **kwargs):
        raise AppendOnly("审计日志只能追加，不能修改")

    def delete(self):
        raise AppendOnly("审计日志只能追加，不能删除")


class AuditEvent(models.Model):
    """One security-relevant event: who, when, from where, what, on which object, with what result."""

    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    username = models.CharField("登录名", max_length=150, blank=True)
    # The bureau the event belongs to (the user's, or the object's); empty for unknown login names.
    bureau = models.ForeignKey("organisation.Unit", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    ip = models.GenericIPAddressField("地址", null=True, blank=True)
    # A code registered in jixiao.web.security.events (not field choices, so a new action needs no migration).
    action = models.CharField("事件", max_length=32, db_index=True)
    object_type = models.CharField("对象类型", max_length=50, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=300, blank=True)
    result = models.CharField("结果", max_length=8, choices=Result.choices, default=Result.SUCCESS)
    details = models.JSONField("详情", default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计事件"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["bureau", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.action_label}"

    @property
    def action_label(self) -> str:
        """The action's Chinese label (the code itself for an action no longer registered)."""
        found = ACTIONS.get(self.action)
        return found.label if found else self.action

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnly("审计日志只能追加，不能修改")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("审计日志只能追加，不能删除")


class PasswordRecord(models.Model):
    """A password a user had (salted hash, as Django stores passwords) and when it was set."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_records")
    password = models.CharField(max_length=128)
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-set_at", "-id"]

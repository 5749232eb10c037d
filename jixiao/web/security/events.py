"""The security audit actions, registered in one place with the labels auditors read (as Wagtail's log actions).

A service records an action with ``jixiao.web.security.audit.audit_record(ACTION, ...)``; the audit page, its
filters and the exports take labels from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

__all__ = ["ACTIONS", "AuditAction", "Result", "register"]


class Result(models.TextChoices):
    """How the attempt ended."""

    SUCCESS = "success", "成功"
    FAILURE = "failure", "失败"
    REFUSED = "refused", "拒绝"


@dataclass(frozen=True)
class AuditAction:
    """One kind of security event: a permanent code (stored) and a Chinese label (shown)."""

    code: str
    label: str

    def __str__(self) -> str:
        return self.code


ACTIONS: dict[str, AuditAction] = {}


def register(code: str, label: str) -> AuditAction:
    """Register an action; a code is permanent and never reused for something else."""
    if code in ACTIONS:
        raise ValueError(f"audit action {code!r} registered twice")
    ACTIONS[code] = AuditAction(code, label)
    return ACTIONS[code]


LOGIN = register("login", "登录")
LOGIN_FAILED = register("login_failed", "登录失败")
LOCKOUT = register("lockout", "登录锁定")
LOGOUT = register("logout", "退出登录")
SESSION_EXPIRED = register("session_expired", "会话超时退出")
PASSWORD_CHANGED = register("password_changed", "修改密码")
PASSWORD_EXPIRED = register("password_expired", "密码过期，要求修改")
ACCESS_REFUSED = register("access_refused", "拒绝访问")
DOWNLOAD = register("download", "导出下载")
JOB_STARTED = register("job_started", "开始后台任务（导入、导出、复核）")
UNIT_CREATED = register("unit_created", "添加单位")
MEMBER_CREATED = register("member_created", "添加人员")
MEMBER_STOPPED = register("member_stopped", "停用人员")
MEMBER_RESTORED = register("member_restored", "恢复人员")
ROLE_CHANGED = register("role_changed", "变更角色")
SETTINGS_CHANGED = register("settings_changed", "修改财政局设置")
TOKEN_CREATED = register("token_created", "创建 API 令牌")
TOKEN_USED = register("token_used", "使用 API 令牌")
TOKEN_REFUSED = register("token_refused", "API 令牌无效")
AUDIT_PRUNED = register("audit_pruned", "清理过期审计日志")
PUBLISHED = register("published", "公开绩效目标表")
EVALUATION_PUBLISHED = register("evaluation_published", "公开自评结果")
AUDIT_OTHER_UNIT = register("audit_other_unit", "自评复核：表中写的单位与所选单位不同，确认按所选单位复核")
WITHDRAWN = register("withdrawn", "撤回公开")
REVIEWS_RECHECKED = register("reviews_rechecked", "规则更新后重新复核")
BACKUP_TAKEN = register("backup_taken", "备份数据库（jixiao backup）")
DATABASE_RESTORED = register("database_restored", "从备份恢复数据库（jixiao restore）")

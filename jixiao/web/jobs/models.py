"""One background job (an export or an audit of many files): who started it, what it covers, how far it is, and
its result (the file's bytes, never a path on the server) or why it failed."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jixiao.web.organisation.models import Unit

__all__ = ["Job", "JobUpload"]


class Job(models.Model):
    """What the user sees while a job runs and after. ``kind`` is the permanent code of a registered
    :class:`~jixiao.web.jobs.kinds.JobKind`; ``params`` is what that kind needs (year, unit, format…).

    Progress is written outside any transaction of the job's own work, so the page shows it while that runs.
    ``worker`` and ``heartbeat_at`` tell whether the process running the job is still there
    (:mod:`jixiao.web.jobs.liveness`); ``task_id`` is the job's django-tasks result.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "正在处理"
        SUCCEEDED = "succeeded", "已完成"
        FAILED = "failed", "未完成"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("任务类型", max_length=32)
    params = models.JSONField("参数", default=dict)
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField("已处理", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    message = models.TextField("结果说明", blank=True)
    result = models.BinaryField("导出的文件", null=True, editable=False)
    result_stem = models.CharField("下载文件名（不含扩展名）", max_length=300, blank=True)
    result_format = models.CharField("文件格式", max_length=8, blank=True)  # set only with ``result``
    worker = models.CharField("后台进程", max_length=300, blank=True)  # machine:pid, while it runs
    heartbeat_at = models.DateTimeField("最近一次心跳", null=True, blank=True)
    task_id = models.CharField("django-tasks 结果", max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "后台任务"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"后台任务 {self.pk}（{self.kind}）"

    @property
    def finished(self) -> bool:
        """True once the job succeeded or failed."""
        return self.state in (self.State.SUCCEEDED, self.State.FAILED)

    @property
    def percent(self) -> int:
        """Items done so far, in % (100 once succeeded)."""
        if self.state == self.State.SUCCEEDED:
            return 100
        return self.done * 100 // self.total if self.total else 0


class JobUpload(models.Model):
    """One uploaded file waiting for its job (an audit of many files); deleted once the job has run."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="uploads")
    name = models.CharField(max_length=500)
    data = models.BinaryField()

"""``django-admin prune_audit``: delete audit events older than the retention setting."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jixiao.web.security.audit import audit_prune


class Command(BaseCommand):
    help = "删除超过保存期限（JIXIAO_AUDIT_RETENTION_DAYS）的审计日志"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=None,
                            help="保存天数（默认取 JIXIAO_AUDIT_RETENTION_DAYS；0 表示全部保留）")

    def handle(self, *args, days=None, **options) -> None:
        kept = settings.JIXIAO_AUDIT_RETENTION_DAYS if days is None else days
        if kept < 0:
            raise CommandError("保存天数不能为负数")
        removed = audit_prune(kept)
        self.stdout.write(f"已删除 {removed} 条超过 {kept} 天的审计日志" if kept else "保存期限为 0：全部保留")

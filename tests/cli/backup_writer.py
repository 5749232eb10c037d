"""A process that keeps editing a goal sheet through the services, as users of a running server do, for the
backup test. ``python -m tests.cli.backup_writer write STOPFILE`` sets the database up (migrations, demo), then
saves edit 1, 2, 3… of the sample's first sheet, printing each number once it is committed, until STOPFILE
exists. ``python -m tests.cli.backup_writer report`` prints the sheet's last edit, version and history, and the audit events
of backups and restores, as JSON.
``python -m tests.cli.backup_writer serve`` stands for a running jixiao serve: it marks the data folder as the server
does (without touching the database), prints "ready" and waits until it is killed.
The database is the one jixiao serve would use (JIXIAO_DATA or DATABASE_URL)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def write(stop: Path) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from jixiao.web.demo import demo_create, demo_exists
    from jixiao.web.organisation.models import Member
    from jixiao.web.sheets.models import Sheet
    from jixiao.web.sheets.services.sheets import sheet_update

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    if not demo_exists():
        demo_create("Backup-test-2026")
    user = Member.objects.get(user__username="preparer").user
    sheet = Sheet.objects.order_by("pk").first()
    print("ready", flush=True)
    edit = 0
    while not stop.exists():
        edit += 1
        sheet = sheet_update(user=user, sheet_id=sheet.pk, expected_version=sheet.version,
                             fields={"purpose": f"第{edit}次修改"})
        print(edit, flush=True)


def report() -> None:
    from jixiao.web.security.events import BACKUP_TAKEN, DATABASE_RESTORED
    from jixiao.web.security.models import AuditEvent
    from jixiao.web.sheets.models import Sheet

    sheet = Sheet.objects.order_by("pk").first()
    edits = list(sheet.history.filter(action="edit").order_by("version").values_list("new", flat=True))
    audit = [{"action": event.action, "at": event.at.isoformat(), "username": event.username, **event.details}
             for event in AuditEvent.objects.filter(action__in=[BACKUP_TAKEN.code, DATABASE_RESTORED.code])
             .order_by("at", "id")]
    print(json.dumps({"purpose": sheet.purpose, "version": sheet.version, "edits": edits, "audit": audit},
                     ensure_ascii=False))


def serve() -> None:
    from django.conf import settings

    from jixiao.web.backup import server_marked

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    with server_marked(Path(settings.DATA_DIR)):
        print("ready", flush=True)
        time.sleep(300)


if __name__ == "__main__":
    _setup()
    {"write": lambda: write(Path(sys.argv[2])), "report": report, "serve": serve}[sys.argv[1]]()

"""Demo data for a first run: a finance bureau, the sample's township, the sample document and three accounts."""

from __future__ import annotations

import secrets
from importlib import resources

from django.db import transaction

from jixiao.documents import read_bytes
from jixiao.web.organisation.models import Member, Role, Unit
from jixiao.web.organisation.services import member_create, unit_create
from jixiao.web.publication.services import publication_publish
from jixiao.web.sheets.selectors import budget_year, evaluation_year
from jixiao.web.sheets.services.imports import sheets_import
from jixiao.web.sheets.services.workflow import sheet_transition

__all__ = ["DEMO_ACCOUNTS", "demo_create", "demo_exists", "demo_password"]

DEMO_ACCOUNTS = {"preparer": Role.PREPARER, "reviewer": Role.REVIEWER, "admin": Role.ADMIN}
BUREAU = ("DEMO-CZJ", "遵化市财政局（演示）")


def demo_password() -> str:
    """A random password for the demo accounts that meets the password rules.

    The prefix has upper case, lower case and a symbol, so the character-class rule holds whatever follows.
    """
    return f"Jx-{secrets.token_urlsafe(12)}"


def demo_exists() -> bool:
    """True once the demo (or any data) has been set up."""
    return Unit.objects.exists()


@transaction.atomic
def demo_create(password: str) -> None:
    """Create the demo bureau, the sample's township with the sample imported, and the three demo accounts.

    One project is approved and published in the budget year; from October it is approved for the year under way too
    (that project alone: the other stays a draft of the budget year).
    """
    sample = resources.files(__package__).joinpath("sample.txt").read_bytes()
    read = read_bytes(sample, "sample.txt")
    unit = read.unit
    bureau = unit_create(code=BUREAU[0], name=BUREAU[1])
    township = unit_create(code=unit.code, name=unit.name, parent=bureau)
    for username, role in DEMO_ACCOUNTS.items():
        member_create(username=username, password=password, unit=township if role == Role.PREPARER else bureau,
                      role=role, full_name={"preparer": "填报人（演示）", "reviewer": "审核人（演示）",
                                            "admin": "管理员（演示）"}[username])
    preparer = Member.objects.get(user__username="preparer").user
    reviewer = Member.objects.get(user__username="reviewer").user
    sheets = sheets_import(user=preparer, unit=township, year=budget_year(), files=[("sample.txt", sample)])
    # The last sheet goes through review and publication, so the public site (/public/) shows a real table;
    # the others stay drafts for the preparer to work on.
    published = sheets[-1]
    sheet_transition(user=preparer, sheet_id=published.pk, name="submit")
    sheet_transition(user=reviewer, sheet_id=published.pk, name="approve", grade="良")
    publication_publish(user=reviewer, sheet_id=published.pk)
    # From October the monitoring and self-evaluation pages open on the year under way, not the budget year being
    # prepared: the same project, approved for that year, gives them something to show.
    if evaluation_year() != budget_year():
        only = read.model_copy(update={"sheets": read.sheets[-1:]})
        running = sheets_import(user=preparer, unit=township, year=evaluation_year(),
                                files=[("sample.json", only.model_dump_json().encode())])[0]
        sheet_transition(user=preparer, sheet_id=running.pk, name="submit")
        sheet_transition(user=reviewer, sheet_id=running.pk, name="approve", grade="良")

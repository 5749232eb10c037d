"""Sessions signed in before the member backend name Django's ``ModelBackend``, which is no longer listed: Django
would sign them out. Their backend is rewritten, so nobody is signed out by the upgrade."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import migrations

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
MEMBER_BACKEND = "jixiao.web.organisation.backends.MemberBackend"


def _rewrite(apps, old: str, new: str) -> None:
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    for session in apps.get_model("sessions", "Session").objects.iterator():
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) == old:
            data[BACKEND_SESSION_KEY] = new
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


def forwards(apps, schema_editor):
    _rewrite(apps, MODEL_BACKEND, MEMBER_BACKEND)


def backwards(apps, schema_editor):
    _rewrite(apps, MEMBER_BACKEND, MODEL_BACKEND)


class Migration(migrations.Migration):

    dependencies = [
        ("organisation", "0002_alter_member_role"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

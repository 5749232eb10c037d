"""Django settings. Everything a deployment changes comes from the environment:

- ``JIXIAO_DATA``: the data folder (SQLite database, collected static files); default ``./data``;
- ``DATABASE_URL``: e.g. ``postgres://user@host:5432/name``; default SQLite in the data folder;
- ``JIXIAO_SECRET_KEY``: set by ``jixiao serve`` from a key kept in the data folder;
- ``JIXIAO_DEBUG=1`` and ``JIXIAO_ALLOWED_HOSTS`` (comma-separated);
- upload limits (whole megabytes): ``JIXIAO_MAX_UPLOAD_MB`` per file (default 20), ``JIXIAO_MAX_REQUEST_MB`` per
  request (default 50), ``JIXIAO_MAX_ZIP_MEMBERS`` (default 500) and ``JIXIAO_MAX_UNZIPPED_MB`` (default 200)
  for a .zip.
- HTTPS, proxy, sessions, lockout, passwords and the audit log: ``jixiao.web.security.deployment``.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.management.utils import get_random_secret_key

from jixiao.web.security.deployment import deployment_settings

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA", "data")).resolve()

# Without a key from `jixiao serve` (tests, one-off commands) a fresh one per process is enough.
SECRET_KEY = os.environ.get("JIXIAO_SECRET_KEY") or get_random_secret_key()
DEBUG = os.environ.get("JIXIAO_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "ninja",  # /api/docs renders Swagger UI from the package's own static files, never from a CDN
    "jixiao.web.organisation",
    "jixiao.web.sheets",
    "jixiao.web.performance",
    "jixiao.web.publication",
    "jixiao.web.security",
    "jixiao.web.audits",
    "jixiao.web.jobs",
    "django_tasks",
    "django_tasks.backends.database",
]

# Background work (imports of many files, bureau-wide exports and audits) waits in the database until a worker runs it: `jixiao serve` starts
# one in its own process, `jixiao worker` runs one on its own (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jixiao.web.uploads.UploadLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao.web.errors.MethodNotAllowedPage",
    "csp.middleware.CSPMiddleware",
    "jixiao.web.security.middleware.AuditContextMiddleware",
    "jixiao.web.security.middleware.SessionTimeoutMiddleware",
    "jixiao.web.security.middleware.PasswordExpiryMiddleware",
    # Last, so that it turns a lockout found during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jixiao.web.organisation.context.member",
                "jixiao.web.security.context.duties",
            ],
        },
    },
]

_sqlite_default = f"sqlite:///{DATA_DIR / 'jixiao.sqlite3'}"
DATABASES = {"default": dj_database_url.config(default=_sqlite_default, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while one request writes (from any of the server's processes); IMMEDIATE takes
    # the write lock at BEGIN, where waiting for it is possible (a read transaction that later writes cannot wait
    # and fails at once); the timeout (seconds) is how long a writer waits for another's commit. Writers hold the
    # lock briefly (an import reads and reviews its files first), so a wait this long means a stuck writer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "public": the public site's rendered pages, kept per state of what is published (jixiao.web.publication.pagecache),
# in each process's memory; 1,000 pages of 2–20 KB, the least used dropped first.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "jixiao-public",
               "OPTIONS": {"MAX_ENTRIES": 1000}},
}

DEPLOYMENT = deployment_settings(os.environ)
globals().update(DEPLOYMENT)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "jixiao.web.security.passwords.LengthValidator",
     "OPTIONS": {"min_length": DEPLOYMENT["JIXIAO_PASSWORD_MIN_LENGTH"]}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "jixiao.web.security.passwords.CharacterClassesValidator"},
    # Also keeps the hashes of earlier passwords (its password_changed hook runs on every password save).
    {"NAME": "jixiao.web.security.passwords.PasswordHistoryValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "jixiao.web.organisation.backends.MemberBackend",
]
# Lockout (django-axes): by login name and address together, so that one guesser cannot lock everyone out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "jixiao.web.security.network.client_ip"
AXES_LOCKOUT_CALLABLE = "jixiao.web.security.lockout.lockout_response"
AXES_VERBOSE = False

# No inline script or style, nothing from another origin: pages, htmx and ECharts load from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "sheets:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Upload limits (README: 上传与读取限制). A request over JIXIAO_MAX_REQUEST_MB is refused before it is read
# (jixiao.web.uploads, and waitress where `jixiao serve` runs it); a file over JIXIAO_MAX_UPLOAD_MB is refused unread.
JIXIAO_MAX_UPLOAD_MB = int(os.environ.get("JIXIAO_MAX_UPLOAD_MB", "20"))
JIXIAO_MAX_REQUEST_MB = int(os.environ.get("JIXIAO_MAX_REQUEST_MB", "50"))
JIXIAO_MAX_ZIP_MEMBERS = int(os.environ.get("JIXIAO_MAX_ZIP_MEMBERS", "500"))
JIXIAO_MAX_UNZIPPED_MB = int(os.environ.get("JIXIAO_MAX_UNZIPPED_MB", "200"))
# Form fields and JSON bodies (not files) held in memory; uploaded files above 2.5 MB wait in a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440

# The review profile the engine runs with (jixiao.review profiles: central, county-example, or a path).
JIXIAO_PROFILE = os.environ.get("JIXIAO_PROFILE", "central")

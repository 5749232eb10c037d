"""The WSGI application the production server (gunicorn, or waitress on Windows: ``jixiao.cli.server``) runs."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
application = get_wsgi_application()

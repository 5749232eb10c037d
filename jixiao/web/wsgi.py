"""The WSGI application the production server (waitress) runs."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
application = get_wsgi_application()

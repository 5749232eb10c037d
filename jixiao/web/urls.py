"""URL map: pages by app, the API under /api/ (OpenAPI docs at /api/docs)."""

from django.urls import include, path
from django.views.generic import RedirectView

from jixiao.web.api import api

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="sheets:list"), name="home"),
    path("", include("jixiao.web.organisation.urls")),
    path("sheets/", include("jixiao.web.sheets.urls")),
    path("performance/", include("jixiao.web.performance.urls")),
    path("", include("jixiao.web.publication.urls")),
    path("audit/", include("jixiao.web.security.urls")),
    path("audits/", include("jixiao.web.audits.urls")),
    path("jobs/", include("jixiao.web.jobs.urls")),
    path("api/", api.urls),
]

handler400 = "jixiao.web.errors.bad_request"
handler404 = "jixiao.web.errors.page_not_found"
handler500 = "jixiao.web.errors.server_error"

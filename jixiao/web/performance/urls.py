from django.urls import path

import jixiao.web.converters  # noqa: F401 - registers <id:…>
from jixiao.web.performance.views import evaluation, overview, tracking

app_name = "performance"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("settings/", overview.settings_view, name="settings"),
    path("<id:pk>/", tracking.tracking_page, name="tracking"),
    path("<id:pk>/spending/", tracking.spending_view, name="spending"),
    path("<id:pk>/spending/<id:spending_id>/delete/", tracking.spending_delete_view, name="spending_delete"),
    path("<id:pk>/progress/", tracking.progress_view, name="progress"),
    path("<id:pk>/monitoring/", tracking.monitoring_view, name="monitoring"),
    path("<id:pk>/monitoring.<str:fmt>", tracking.monitoring_download, name="monitoring_download"),
    path("<id:pk>/evaluation/", evaluation.evaluation_page, name="evaluation"),
    path("<id:pk>/evaluation/template.xlsx", evaluation.template_download, name="template"),
    path("<id:pk>/evaluation/import/", evaluation.import_view, name="import"),
    path("<id:pk>/evaluation.<str:fmt>", evaluation.evaluation_download, name="evaluation_download"),
]

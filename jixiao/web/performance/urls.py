from django.urls import path

from jixiao.web.performance.views import evaluation, overview, tracking

app_name = "performance"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("settings/", overview.settings_view, name="settings"),
    path("<int:pk>/", tracking.tracking_page, name="tracking"),
    path("<int:pk>/spending/", tracking.spending_view, name="spending"),
    path("<int:pk>/spending/<int:spending_id>/delete/", tracking.spending_delete_view, name="spending_delete"),
    path("<int:pk>/progress/", tracking.progress_view, name="progress"),
    path("<int:pk>/monitoring/", tracking.monitoring_view, name="monitoring"),
    path("<int:pk>/monitoring.<str:fmt>", tracking.monitoring_download, name="monitoring_download"),
    path("<int:pk>/evaluation/", evaluation.evaluation_page, name="evaluation"),
    path("<int:pk>/evaluation/template.xlsx", evaluation.template_download, name="template"),
    path("<int:pk>/evaluation/import/", evaluation.import_view, name="import"),
    path("<int:pk>/evaluation.<str:fmt>", evaluation.evaluation_download, name="evaluation_download"),
]

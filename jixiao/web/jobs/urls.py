from django.urls import path

import jixiao.web.converters  # noqa: F401 - registers <id:…>
from jixiao.web.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("start/<str:kind>/", views.job_start_view, name="start"),
    path("<id:pk>/", views.job_page, name="detail"),
    path("<id:pk>/progress/", views.job_progress, name="progress"),
    path("<id:pk>/download/", views.job_download, name="download"),
    path("<id:pk>/restart/", views.job_restart_view, name="restart"),
]

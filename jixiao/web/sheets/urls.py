from django.urls import path

from jixiao.web.sheets.views import dashboard, editor, imports, pages

app_name = "sheets"

urlpatterns = [
    path("", pages.sheet_list_view, name="list"),
    path("export/", pages.unit_export, name="unit_export"),
    path("import/", imports.import_upload, name="import"),
    path("import/<int:pk>/confirm/", imports.import_confirm_view, name="import_confirm"),
    path("import/jobs/<int:pk>/", imports.import_job, name="import_job"),
    path("import/jobs/<int:pk>/progress/", imports.import_job_progress, name="import_job_progress"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("<int:pk>/", pages.sheet_detail, name="detail"),
    path("<int:pk>/edit/", editor.sheet_edit, name="edit"),
    path("<int:pk>/check/", editor.sheet_check, name="check"),
    path("<int:pk>/export/<str:fmt>/", pages.sheet_export, name="export"),
    path("<int:pk>/transition/<str:name>/", pages.sheet_transition_view, name="transition"),
    path("<int:pk>/comment/", pages.sheet_comment, name="comment"),
    path("<int:pk>/delete/", pages.sheet_delete_view, name="delete"),
    path("<int:pk>/restore/", pages.sheet_restore_view, name="restore"),
]

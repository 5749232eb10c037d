from django.urls import path

import jixiao.web.converters  # noqa: F401 - registers <id:…>
from jixiao.web.sheets.views import dashboard, editor, imports, pages

app_name = "sheets"

urlpatterns = [
    path("", pages.sheet_list_view, name="list"),
    path("import/", imports.import_upload, name="import"),
    path("import/<id:pk>/confirm/", imports.import_confirm_view, name="import_confirm"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("<id:pk>/", pages.sheet_detail, name="detail"),
    path("<id:pk>/edit/", editor.sheet_edit, name="edit"),
    path("<id:pk>/check/", editor.sheet_check, name="check"),
    path("<id:pk>/export/<str:fmt>/", pages.sheet_export, name="export"),
    path("<id:pk>/transition/<str:name>/", pages.sheet_transition_view, name="transition"),
    path("<id:pk>/comment/", pages.sheet_comment, name="comment"),
    path("<id:pk>/delete/", pages.sheet_delete_view, name="delete"),
    path("<id:pk>/restore/", pages.sheet_restore_view, name="restore"),
]

from django.urls import path

from jixiao.web.audits import views

app_name = "audits"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("upload/", views.upload, name="upload"),
    path("unit/<int:unit_id>/", views.unit_page, name="unit"),
    path("<int:pk>/", views.document_page, name="document"),
]

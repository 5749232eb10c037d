from django.urls import path

from jixiao.web.security import views

app_name = "security"

urlpatterns = [
    path("", views.audit_log, name="audit"),
]

from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.web.organisation import views
from jixiao.web.security.views import PasswordChange

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", PasswordChange.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("account/", views.account, name="account"),
    path("people/", views.people, name="people"),
]

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from haven.core import governance_views, views
from haven.core.forms import ChangePasswordForm, LoginForm

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "information-governance/",
        governance_views.information_governance,
        name="information_governance",
    ),
    path(
        "sign-in/",
        login_not_required(
            auth_views.LoginView.as_view(
                authentication_form=LoginForm, redirect_authenticated_user=True
            )
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        views.ChangePassword.as_view(form_class=ChangePasswordForm),
        name="password_change",
    ),
]

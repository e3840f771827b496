from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from haven.core import governance_views, mfa_views, views
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
    path("sign-in/code/", mfa_views.sign_in_code, name="sign_in_code"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        views.ChangePassword.as_view(form_class=ChangePasswordForm),
        name="password_change",
    ),
    path("account/security/", mfa_views.account_security, name="account_security"),
    path("account/security/set-up/", mfa_views.set_up, name="mfa_set_up"),
    path(
        "account/security/recovery-codes/",
        mfa_views.recovery_codes,
        name="recovery_codes",
    ),
    path(
        "account/security/recovery-codes/new/",
        mfa_views.new_recovery_codes,
        name="new_recovery_codes",
    ),
]

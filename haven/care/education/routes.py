"""The education pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.education import views

urlpatterns = [
    path("people/<int:pk>/education/pep/", views.pep, name="pep"),
    path("periods/<int:pk>/education/pep/", views.period_pep, name="period_pep"),
]

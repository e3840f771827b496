"""The court pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.court import views

urlpatterns = [
    path(
        "people/<int:pk>/court/proceedings/",
        views.proceedings,
        name="court_proceedings",
    ),
    path("people/<int:pk>/court/order/", views.order, name="court_order"),
    path("proceedings/<int:pk>/extend/", views.extend, name="court_extend"),
    path("proceedings/<int:pk>/decide/", views.dispose, name="court_dispose"),
    path("orders/<int:pk>/end/", views.discharge, name="court_discharge"),
]

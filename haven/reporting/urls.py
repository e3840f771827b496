from django.urls import include, path

from haven.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("quality/", include("haven.reporting.quality.urls")),
    path("<slug:key>/", views.figure, name="figure"),
    path("<slug:key>/<slug:bar>/", views.behind, name="children"),
]

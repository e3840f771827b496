from django.urls import include, path

from haven.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("quality/", include("haven.reporting.quality.urls")),
    path("again/", views.work_out_again, name="again"),
    path("panels/<slug:key>/", views.panel, name="panel"),
    path("<slug:key>/", views.figure, name="figure"),
    path("<slug:key>/<slug:bar>/", views.behind, name="children"),
]

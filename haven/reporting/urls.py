from django.urls import path

from haven.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:key>/", views.figure, name="figure"),
    path("<slug:key>/<slug:bar>/", views.behind, name="children"),
]

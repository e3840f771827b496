from django.urls import path

from haven.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:key>/<int:year>/", views.detail, name="detail"),
    path("<slug:key>/<int:year>/check/", views.check, name="check"),
    path("<slug:key>/<int:year>/download/", views.download, name="download"),
]

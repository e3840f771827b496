from django.urls import path

from haven.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
]

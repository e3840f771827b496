from django.urls import path

from haven.assessments import views

app_name = "assessments"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("awaiting-authorisation/", views.awaiting, name="awaiting"),
    path("episodes/<int:pk>/start/", views.start, name="start"),
]

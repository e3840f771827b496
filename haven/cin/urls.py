from django.urls import path

from haven.cin import views

app_name = "cin"
urlpatterns = [
    path("people/<int:pk>/", views.person_overview, name="person"),
    path("episodes/<int:pk>/start-plan/", views.start_plan, name="start_plan"),
    path("episodes/<int:pk>/close/", views.close_episode, name="close"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
]

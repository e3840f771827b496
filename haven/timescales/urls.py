from django.urls import path

from haven.timescales import views

app_name = "timescales"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("team/", views.team_work, name="team"),
    path("rules/", views.rules, name="rules"),
    path("rules/history/", views.rule_history, name="history"),
    path("rules/<str:rule_id>/change/", views.change_rule, name="change"),
]

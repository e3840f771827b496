from django.urls import path

from haven.earlyhelp import views

app_name = "earlyhelp"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("waiting-times/", views.waiting_times, name="waiting_times"),
    path("people/<int:pk>/", views.person_overview, name="person"),
    path("people/<int:pk>/request/", views.request_help, name="request"),
    path("requests/<int:pk>/allocate/", views.allocate, name="allocate"),
    path("requests/<int:pk>/lead/", views.lead, name="lead"),
    path("requests/<int:pk>/assessment/", views.assessment, name="assessment"),
    path("requests/<int:pk>/plan/", views.plan, name="plan"),
    path("requests/<int:pk>/close/", views.close, name="close"),
    path("requests/<int:pk>/step-up/", views.step_up, name="step_up"),
    path("plans/<int:pk>/review/", views.review, name="review"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
]

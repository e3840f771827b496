from django.urls import include, path

from haven.send import review_views, views

app_name = "send"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("requests/new/", views.new_request, name="new_request"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path(
        "requests/<int:pk>/decide-assessment/",
        views.decide_assessment,
        name="decide_assessment",
    ),
    path(
        "requests/<int:pk>/ask-for-advice/", views.request_advice, name="request_advice"
    ),
    path("requests/<int:pk>/decide-plan/", views.decide_plan, name="decide_plan"),
    path("requests/<int:pk>/draft/", views.draft, name="draft"),
    path("requests/<int:pk>/final/", views.final, name="final"),
    path("people/<int:pk>/", views.child, name="child"),
    path("advice/<int:pk>/", views.advice, name="advice"),
    path("plans/<int:pk>/review/", review_views.meeting, name="review_meeting"),
    path("reviews/<int:pk>/decision/", review_views.decision, name="review_decision"),
    path("", include("haven.send.changes.urls")),
]

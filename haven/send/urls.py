from django.urls import include, path

from haven.send import review_views, timeliness_views, views
from haven.send.sen2 import views as sen2_views

app_name = "send"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("timeliness/", timeliness_views.report, name="timeliness"),
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
    path("sen2/", sen2_views.page, name="sen2"),
    path("sen2/<int:year>/SEN2.xml", sen2_views.download, name="sen2_download"),
    path("", include("haven.send.details_urls")),
    path("", include("haven.send.changes.urls")),
]

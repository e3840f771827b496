"""Routes for an EHC plan's details and the consultation with settings,
included in haven/send/urls.py (the send namespace)."""

from django.urls import path

from haven.send import consultation_views, details_views

urlpatterns = [
    path(
        "plans/<int:pk>/named-setting/",
        details_views.named_setting,
        name="named_setting",
    ),
    path(
        "plans/<int:pk>/personal-budget/",
        details_views.arrangements,
        name="plan_arrangements",
    ),
    path("plans/<int:pk>/placement/", details_views.placement, name="placement"),
    path(
        "placements/<int:pk>/leaving/",
        details_views.leaving,
        name="placement_leaving",
    ),
    path("requests/<int:pk>/consult/", consultation_views.consult, name="consult"),
    path(
        "consultations/<int:pk>/reply/",
        consultation_views.reply,
        name="consultation_reply",
    ),
]

from django.urls import path

from haven.protection import (
    admin_views,
    conference_views,
    contact_views,
    plan_views,
    queue_views,
    views,
)

app_name = "protection"
urlpatterns = [
    path("conferences/", queue_views.my_conferences, name="my_conferences"),
    path("administration/", admin_views.my_administration, name="administration"),
    path("chairs/", queue_views.chairs, name="chairs"),
    path("chairs/<int:pk>/", queue_views.chair, name="chair"),
    path(
        "contacts/<int:pk>/strategy-discussions/",
        contact_views.contact_strategies,
        name="contact_strategies",
    ),
    path(
        "episodes/<int:pk>/strategy-discussion/",
        views.record_strategy,
        name="strategy",
    ),
    path(
        "episodes/<int:pk>/transfer-in-conference/",
        views.transfer_in_conference,
        name="transfer_in",
    ),
    path(
        "episodes/<int:pk>/arrange-transfer-in-conference/",
        conference_views.arrange_transfer_in,
        name="arrange_transfer_in",
    ),
    path(
        "strategy-discussions/<int:pk>/section-47/",
        views.start_enquiry,
        name="start_enquiry",
    ),
    path("enquiries/<int:pk>/", views.enquiry, name="enquiry"),
    path(
        "enquiries/<int:pk>/initial-conference/",
        views.initial_conference,
        name="initial_conference",
    ),
    path(
        "enquiries/<int:pk>/arrange-conference/",
        conference_views.arrange_initial,
        name="arrange_initial",
    ),
    path(
        "plans/<int:pk>/arrange-review/",
        conference_views.arrange_review,
        name="arrange_review",
    ),
    path("conferences/<int:pk>/", conference_views.conference, name="conference"),
    path(
        "conferences/<int:pk>/record/",
        conference_views.change_record,
        name="change_record",
    ),
    path("conferences/<int:pk>/amend/", conference_views.amend, name="amend"),
    path("plans/<int:pk>/", plan_views.plan_detail, name="plan"),
    path("plans/<int:pk>/print/", plan_views.plan_print, name="print"),
    path("plans/<int:pk>/letter/", plan_views.plan_letter, name="letter"),
    path("plans/<int:pk>/concerns/", plan_views.set_concerns, name="concerns"),
    path("plans/<int:pk>/core-group/", plan_views.core_group, name="core_group"),
    path("plans/<int:pk>/review/", plan_views.review, name="review"),
    path("plans/<int:pk>/end/", plan_views.end_plan, name="end_plan"),
]

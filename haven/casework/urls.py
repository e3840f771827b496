from django.urls import path

from haven.casework import day_views, views

app_name = "casework"
urlpatterns = [
    path("people/<int:pk>/", views.person_overview, name="person"),
    path("people/<int:pk>/notes/new/", views.record_note, name="record_note"),
    path("people/<int:pk>/supervision/", views.supervisions, name="supervisions"),
    path(
        "people/<int:pk>/supervision/new/",
        views.record_supervision,
        name="record_supervision",
    ),
    path("people/<int:pk>/allocation/", views.allocation, name="allocation"),
    path("autosave/", views.autosave, name="autosave"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/<int:pk>/", views.draft, name="draft"),
    path("drafts/<int:pk>/discard/", views.discard_draft, name="discard_draft"),
    path("actions/<int:pk>/done/", views.complete_action, name="complete_action"),
    path("oversight/", views.oversight_report, name="oversight"),
    path("caseload/", day_views.caseload_page, name="caseload"),
    path("visits/", day_views.visits, name="visits"),
    path("people/<int:pk>/visit/", day_views.record_visit, name="record_visit"),
    path("people/<int:pk>/visits/plan/", day_views.plan_visit, name="plan_visit"),
    path(
        "planned-visits/<int:pk>/cancel/",
        day_views.cancel_planned_visit,
        name="cancel_planned_visit",
    ),
    path("oversight/policy/", views.oversight_policy, name="policy"),
]

from django.urls import path

from haven.casework import views

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
    path("oversight/policy/", views.oversight_policy, name="policy"),
]

"""The adoption pages, part of the care app's URLs (haven/care/urls.py)."""

from django.urls import path

from haven.care.adoption import approval_views, views

urlpatterns = [
    path("people/<int:pk>/adoption/decision/", views.decide, name="adoption_decide"),
    path("people/<int:pk>/adoption/ended/", views.cease, name="adoption_cease"),
    path("people/<int:pk>/adoption/match/", views.match, name="adoption_match"),
    path("people/<int:pk>/adoption/placed/", views.place, name="adoption_place"),
    path("people/<int:pk>/adoption/order/", views.order, name="adoption_order"),
    path(
        "people/<int:pk>/adoption/previous-permanence/",
        views.permanence,
        name="adoption_permanence",
    ),
    path("adopters/", approval_views.approvals, name="adopter_approvals"),
    path("adopters/new/", approval_views.register, name="adopter_register"),
]
# Prospective adopters' approval, one page a step, on the applicant's record.
urlpatterns += [
    path(
        f"people/<int:pk>/adopter-approval/{slug}/",
        approval_views.step,
        {"step": step},
        name=f"approval_{step}",
    )
    for step, slug in (
        ("stage_one", "stage-one"),
        ("stage_two", "stage-two"),
        ("panel", "panel"),
        ("decision", "decision"),
    )
]

from django.urls import path

from haven.care import (
    board_views,
    correction_views,
    discrepancy_views,
    provider_views,
    views,
)
from haven.care.adoption import routes as adoption
from haven.care.court import routes as court
from haven.care.education import routes as education
from haven.care.health import routes as health
from haven.care.leavers import routes as leavers
from haven.care.missing import routes as missing
from haven.care.plans import routes as plans
from haven.care.reviews import routes as reviews
from haven.care.uasc import routes as uasc
from haven.care.visits import routes as visits

app_name = "care"
urlpatterns = [
    path("people/<int:pk>/start/", views.start, name="start"),
    path("periods/<int:pk>/move/", views.move, name="move"),
    path("periods/<int:pk>/legal-status/", views.legal_status, name="legal_status"),
    path("periods/<int:pk>/end/", views.end, name="end"),
    path("placements/<int:pk>/correct/", views.correct, name="correct"),
    path(
        "legal-statuses/<int:pk>/correct/",
        correction_views.correct_status,
        name="correct_status",
    ),
    path(
        "periods/<int:pk>/correct/",
        correction_views.correct_dates,
        name="correct_period",
    ),
    path("whereabouts/", board_views.whereabouts, name="whereabouts"),
    path("discrepancies/", discrepancy_views.discrepancy_list, name="discrepancies"),
    path("providers/", provider_views.provider_list, name="providers"),
    path("providers/new/", provider_views.provider_new, name="provider_new"),
    path("providers/<int:pk>/", provider_views.provider_edit, name="provider_edit"),
    path("providers/<int:pk>/carers/new/", provider_views.carer_new, name="carer_new"),
]
urlpatterns += missing.urlpatterns + visits.urlpatterns + reviews.urlpatterns
urlpatterns += health.urlpatterns + education.urlpatterns + plans.urlpatterns
urlpatterns += leavers.urlpatterns
urlpatterns += adoption.urlpatterns

urlpatterns += court.urlpatterns

urlpatterns += uasc.urlpatterns

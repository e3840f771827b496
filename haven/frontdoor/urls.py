from django.urls import path

from haven.frontdoor import check_views, views

app_name = "frontdoor"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("contacts/new/", views.new_contact, name="new_contact"),
    path("contacts/<int:pk>/", views.contact_detail, name="contact"),
    path("contacts/<int:pk>/decide/", views.decide, name="decide"),
    path("contacts/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("contacts/<int:pk>/checks/new/", check_views.request_check, name="check"),
    path(
        "contacts/<int:pk>/checks/<int:check>/return/",
        check_views.check_return,
        name="check_return",
    ),
    path("people/<int:pk>/", views.person_contacts, name="person"),
]

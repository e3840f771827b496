from django.urls import path

from haven.people import api

app_name = "people-api"
urlpatterns = [
    path("", api.PersonSearch.as_view(), name="search"),
    path("<int:pk>/", api.PersonDetail.as_view(), name="detail"),
    path("<int:pk>/chronology/", api.PersonChronology.as_view(), name="chronology"),
]

from django.urls import path

from haven.care import provider_views

app_name = "care"
urlpatterns = [
    path("providers/", provider_views.provider_list, name="providers"),
    path("providers/new/", provider_views.provider_new, name="provider_new"),
    path("providers/<int:pk>/", provider_views.provider_edit, name="provider_edit"),
    path("providers/<int:pk>/carers/new/", provider_views.carer_new, name="carer_new"),
]

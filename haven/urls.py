from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("", include("haven.core.urls")),
    path("people/", include("haven.people.urls")),
    path("people/<int:pk>/", include("haven.people.history_urls")),
    path("people/<int:pk>/", include("haven.disclosure.urls")),
    path("front-door/", include("haven.frontdoor.urls")),
    path("early-help/", include("haven.earlyhelp.urls")),
    path("assessments/", include("haven.assessments.urls")),
    path("children-in-need/", include("haven.cin.urls")),
    path("casework/", include("haven.casework.urls")),
    path("work/", include("haven.timescales.urls")),
    path("admin/", admin.site.urls),
    path("api/people/", include("haven.people.api_urls")),
    # The schema maps every record the API serves: for signed-in staff only
    # (DRF's views are exempt from LoginRequiredMiddleware, so say it here).
    path(
        "api/schema/", login_required(SpectacularAPIView.as_view()), name="api-schema"
    ),
    path(
        "api/docs/",
        # The split view serves its script from a URL, not inline (the CSP).
        login_required(
            SpectacularSwaggerSplitView.as_view(
                url_name="api-schema", template_name="core/api_docs.html"
            )
        ),
        name="api-docs",
    ),
]

handler404 = "haven.core.views.page_not_found"
handler403 = "haven.core.views.permission_denied"
handler500 = "haven.core.views.server_error"

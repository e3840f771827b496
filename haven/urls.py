from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from haven.core.mounts import mounted

# Each app's pages are mounted by its plugin.py (haven.core.mounts), so a new
# app does not edit this file.
urlpatterns = [
    *mounted(),
    path("admin/", admin.site.urls),
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

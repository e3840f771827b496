"""Finance's pages measured on the large authority (issue 17): the forecast
of commitments, which prices every current placement by rate segments over
three financial years, "under 500 ms on the large authority". Read by the
finance officer the demo names first."""

from typing import Any

from bench.budgets import FINANCE
from bench.domain_pages import Page


def pages(service_manager: Any) -> list[Page]:
    from haven.core.models import User

    officer = User.objects.filter(username="finance-officer").first()
    if officer is None:
        print("no finance officer: the forecast page is not measured")
        return []
    return [
        Page(
            "forecast of commitments",
            "forecast",
            "/payments/forecast/",
            {},
            ((officer, FINANCE),),
        ),
    ]

"""A run's remittance advice for one payee: the print view and the PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.finance.remittance import advice, pdf
from haven.finance.remittance.advice import Advice
from haven.finance.views import PAY, _run


def _advice(request: AuthenticatedRequest, pk: int, key: str) -> Advice:
    run = _run(request, pk)
    try:
        return advice.advice(request.user, run, key)
    except LookupError:
        raise Http404 from None


@policy(Policy.ROLE, permission=PAY)
def remittance(request: AuthenticatedRequest, pk: int, key: str) -> HttpResponse:
    """The advice as a page to print (GOV.UK styles, print styles)."""
    found = _advice(request, pk, key)
    return render(request, "finance/remittance/advice.html", {"advice": found})


@policy(Policy.ROLE, permission=PAY)
def remittance_pdf(request: AuthenticatedRequest, pk: int, key: str) -> HttpResponse:
    """The same advice as a PDF."""
    found = _advice(request, pk, key)
    html = render_to_string(
        "finance/remittance/advice.html", {"advice": found, "pdf": True}
    )
    response = HttpResponse(pdf.pdf_from_html(html), content_type="application/pdf")
    name = f"remittance-run-{found.run.pk}-{found.payee.key}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

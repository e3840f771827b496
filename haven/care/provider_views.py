"""Pages of the provider directory: the list, adding and changing a provider,
and approving a foster carer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.care import directory, providers
from haven.care.models import Provider
from haven.care.permissions import may_manage_providers
from haven.care.provider_forms import CarerForm, ProviderForm
from haven.core.errors import AccessDenied, DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people import selectors as people
from haven.people.models import Person

SEE = "core.view_case_record or core.manage_payments"
MANAGE = "core.manage_team_cases or core.manage_payments"


def _may_manage(request: AuthenticatedRequest) -> None:
    if not may_manage_providers(request.user):
        raise PermissionDenied("Your role does not manage providers")


def _provider(request: AuthenticatedRequest, pk: int) -> Provider:
    try:
        return directory.provider(request.user, pk)
    except Provider.DoesNotExist:
        raise Http404 from None


@policy(Policy.ROLE, permission=SEE)
def provider_list(request: AuthenticatedRequest) -> HttpResponse:
    """Every provider and its approved carers."""
    listed = directory.providers(request.user)
    context = {"listed": listed, "may_manage": may_manage_providers(request.user)}
    return render(request, "care/providers.html", context)


@policy(Policy.ROLE, permission=MANAGE)
def provider_new(request: AuthenticatedRequest) -> HttpResponse:
    _may_manage(request)
    form = ProviderForm()
    if request.method == "POST":
        form = ProviderForm(request.POST)
        try:
            if not form.is_valid():
                _check(form, None)
            else:
                provider = providers.add_provider(
                    form.details(),
                    registration=form.cleaned_data["registration"],
                    since=form.cleaned_data["registered_on"],
                    by=request.user,
                )
                messages.success(request, f"{provider} added")
                return redirect("care:providers")
        except DomainError as err:
            show_errors(err, form)
    context = {"form": form, "provider": None}
    return render(request, "care/provider_form.html", context)


@policy(Policy.ROLE, permission=MANAGE)
def provider_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_manage(request)
    provider = _provider(request, pk)
    current = provider.current_registration()
    form = ProviderForm(initial=_initial(provider, current))
    if request.method == "POST":
        form = ProviderForm(request.POST)
        try:
            if not form.is_valid():
                _check(form, provider)
            else:
                providers.change_provider(
                    provider,
                    form.details(),
                    registration=form.cleaned_data["registration"],
                    since=form.cleaned_data["registered_on"],
                    by=request.user,
                )
                messages.success(request, f"{provider.name} changed")
                return redirect("care:providers")
        except DomainError as err:
            show_errors(err, form)
    context = {
        "form": form,
        "provider": provider,
        "registrations": directory.registrations_of(provider),
    }
    return render(request, "care/provider_form.html", context)


def _check(form: ProviderForm, provider: Provider | None) -> None:
    """The service's checks on what could be read of a form with faults of its
    own, so every fault is shown on this submit."""
    providers.check_provider(
        form.details(),
        registration=form.cleaned_data.get("registration") or "",
        since=form.cleaned_data.get("registered_on"),
        provider=provider,
    )


def _initial(provider: Provider, current: object) -> dict[str, object]:
    fields = ("name", "kind", "sector", "ofsted_urn", "address_line_1", "town")
    initial: dict[str, object] = {name: getattr(provider, name) for name in fields}
    initial.update(postcode=provider.postcode, local_authority=provider.local_authority)
    if current is not None:
        initial.update(
            registration=getattr(current, "status", ""),
            registered_on=getattr(current, "started_on", None),
        )
    return initial


@policy(Policy.ROLE, permission=MANAGE)
def carer_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Approve a person in the register as a foster carer of this service."""
    _may_manage(request)
    provider = _provider(request, pk)
    form = CarerForm()
    if request.method == "POST":
        form = CarerForm(request.POST)
        if form.is_valid() and (person := _carer(request, form)) is not None:
            try:
                providers.approve_carer(
                    person,
                    provider=provider,
                    approved_on=form.cleaned_data["approved_on"],
                    connected_person=form.cleaned_data["connected_person"],
                    by=request.user,
                )
                messages.success(request, f"{person} approved as a foster carer")
                return redirect("care:providers")
            except DomainError as err:
                show_errors(err, form)
    return render(request, "care/carer_form.html", {"form": form, "provider": provider})


def _carer(request: AuthenticatedRequest, form: CarerForm) -> Person | None:
    """The person named by Haven ID, their read logged; None, with the reason
    on the form, if there is none the user may open."""
    pk = form.cleaned_data.get("person")
    if pk is None:
        form.add_error("person", "Enter the Haven ID of the carer")
        return None
    try:
        return people.person_for(
            request.user, pk, what="Approve a foster carer", route=request.path
        )
    except (AccessDenied, Person.DoesNotExist):
        form.add_error(
            "person", f"There is no record with Haven ID {pk} that you may open"
        )
        return None

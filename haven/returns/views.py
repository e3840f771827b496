"""The statutory returns page (/returns/): choose a return and a collection
year; then a page per return and year with its period, the LA code, counts,
Haven's faults by child, the public validator's on request, and the download.

A return that names its children (the SEN2) is refused while any child in it is
restricted from the reader; the others carry IDs, dates and codes, never a
name, so they download. A restricted child's faults show their Haven ID only,
and each read is logged (as the SEN2 download is: haven/send/sen2/views.py)."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from haven.core import access, clock
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.returns import permissions, registry, shown
from haven.returns.annex_a import build as annex_a
from haven.returns.annex_a.period import DEFAULT_MONTHS, Period, year_end
from haven.returns.forms import AsAtForm, ChooseForm, last_year
from haven.returns.registry import Built, Return

MAY = "core.view_performance"
TYPES = {
    ".xml": "application/xml",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _allowed(request: AuthenticatedRequest) -> None:
    if not permissions.may_make_returns(request.user):
        raise PermissionDenied("Your role does not include the statutory returns")


def _declared(key: str) -> Return:
    found = registry.get(key)
    if found is None:
        raise Http404("Haven makes no such return")
    return found


@policy(Policy.ROLE, permission=MAY)
def index(request: AuthenticatedRequest) -> HttpResponse:
    _allowed(request)
    form = ChooseForm(request.GET or None)
    if form.is_bound and form.is_valid():
        kind, year = form.cleaned_data["kind"], form.cleaned_data["year"]
        return HttpResponseRedirect(reverse("returns:detail", args=[kind, year]))
    if not form.is_bound:
        form = ChooseForm(initial={"year": last_year(clock.today())})
    context = {"returns": registry.every(), "form": form}
    return render(request, "returns/index.html", context)


def _annex_period(request: AuthenticatedRequest, year: int) -> tuple[AsAtForm, Period]:
    form = AsAtForm(request.GET or None)
    as_at, months = year_end(year), DEFAULT_MONTHS
    if form.is_bound and form.is_valid():
        as_at = form.cleaned_data["as_at"] or as_at
        months = form.cleaned_data["months"] or months
    return form, Period(as_at, months)


def _build(
    request: AuthenticatedRequest, declared: Return, year: int
) -> tuple[Built, Period | None, AsAtForm | None]:
    """The return; Annex A as at the day the reader chose."""
    if declared.key != "annex_a":
        return declared.build(year), None, None
    form, period = _annex_period(request, year)
    return annex_a.build_as_at(period.as_at, period.months), period, form


def _context(
    request: AuthenticatedRequest, declared: Return, year: int, checked: bool
) -> dict[str, object]:
    built, period, as_at_form = _build(request, declared, year)
    groups = shown.grouped(request.user, built.faults)
    context: dict[str, object] = {
        "item": declared,
        "year": year,
        "period": shown.period_words(declared.key, year, period),
        "la_code": settings.HAVEN_LA_CODE,
        "built": built,
        "files": [(name, len(content)) for name, content in built.files.items()],
        "groups": groups,
        "as_at_form": as_at_form,
        "query": request.GET.urlencode(),
        "refused": _refusal(request, declared, built),
        "checked": checked,
        "validates": declared.validate is not None,
    }
    named = shown.named_ids(groups)
    if checked and declared.validate is not None:
        found = declared.validate(built, year)
        wrong = [f for f in found if not f.known_false_positive]
        theirs = [f for f in found if f.known_false_positive]
        context["validator_groups"] = shown.grouped(request.user, wrong)
        context["validator_faults"] = shown.grouped(request.user, theirs)
        named += shown.named_ids(context["validator_groups"])  # type: ignore[arg-type]
    access.log_reads(
        request.user, named, what=f"{declared.title} {year} faults", why=declared.title
    )
    return context


def _refusal(request: AuthenticatedRequest, declared: Return, built: Built) -> str:
    if not declared.names_children:
        return ""
    hidden = access.unnamed_for(request.user, built.person_ids)
    if not hidden:
        return ""
    children = "child" if len(hidden) == 1 else "children"
    return (
        f"The return holds {len(hidden)} {children} whose records are restricted "
        "from you: someone with access to them must download it"
    )


@policy(Policy.ROLE, permission=MAY)
def detail(request: AuthenticatedRequest, key: str, year: int) -> HttpResponse:
    _allowed(request)
    declared = _declared(key)
    return render(
        request, "returns/detail.html", _context(request, declared, year, False)
    )


@policy(Policy.ROLE, permission=MAY)
def check(request: AuthenticatedRequest, key: str, year: int) -> HttpResponse:
    """The page again, with the public validator's findings (slow: asked for)."""
    _allowed(request)
    declared = _declared(key)
    if declared.validate is None:
        raise Http404("The DfE publishes no validator for this return")
    return render(
        request, "returns/detail.html", _context(request, declared, year, True)
    )


@policy(Policy.ROLE, permission=MAY)
def download(request: AuthenticatedRequest, key: str, year: int) -> HttpResponse:
    _allowed(request)
    declared = _declared(key)
    built, period, _form = _build(request, declared, year)
    refused = _refusal(request, declared, built)
    if refused:
        raise PermissionDenied(refused)
    if not built.files:
        raise Http404("The return has no files for this year")
    access.log_reads(
        request.user,
        built.person_ids,
        what=f"{declared.title} {year} return",
        why=declared.title,
    )
    return _files(built, f"{declared.key}_{settings.HAVEN_LA_CODE or 'LA'}_{year}")


def _files(built: Built, stem: str) -> HttpResponse:
    """One file as itself; several as a zip of them all."""
    if len(built.files) == 1:
        ((name, content),) = built.files.items()
        suffix = name[name.rfind(".") :]
        response = HttpResponse(
            content, content_type=TYPES.get(suffix, "application/octet-stream")
        )
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for file_name, content in built.files.items():
                archive.writestr(file_name, content)
        name = f"{stem}.zip"
        response = HttpResponse(out.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

"""The SEN2 page (/send/sen2/): a year's census day and its source, the
return's counts and faults, and the XML to upload to COLLECT. For the SEND
officer and the performance analyst; the file holds every child in the
return, so only they may download it, only while no child in it is
restricted from them, and each download is logged."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from haven.core import access, clock, permissions
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.send.permissions import may_manage_ehc
from haven.send.sen2 import build, census, report, summary
from haven.send.sen2.forms import YearForm

MAY = "core.manage_ehc_plans or core.view_performance"
WHY = "SEN2 return"


def may_make_sen2(user: object) -> bool:
    return may_manage_ehc(user) or permissions.may_view_performance(user)


def _allowed(request: AuthenticatedRequest) -> None:
    if not may_make_sen2(request.user):
        raise PermissionDenied("Your role does not include the SEN2 return")


def _year(form: YearForm) -> int | None:
    if form.is_bound and form.is_valid():
        return int(form.cleaned_data["year"])
    latest = census.latest_before(clock.today())
    return latest.year if latest else None


@policy(Policy.ROLE, permission=MAY)
def page(request: AuthenticatedRequest) -> HttpResponse:
    _allowed(request)
    form = YearForm(request.GET or None)
    year = _year(form)
    context: dict[str, object] = {"form": form, "year": year}
    if year is not None and not form.errors:
        sen2 = build.build(year, settings.HAVEN_LA_CODE)
        rows = summary.fault_rows(request.user, report.check(sen2))
        named = [r.person_id for r in rows if r.named and r.person_id]
        access.log_reads(request.user, named, what="SEN2 return's faults", why=WHY)
        context |= {
            "census": sen2.census,
            "counts": summary.counts(sen2),
            "rows": rows,
            "may_open": may_manage_ehc(request.user),
            "officers": [
                (o, getattr(settings, f"HAVEN_SEN2_{o}", "Y"))
                for o in ("DMO", "DCO", "DSCO")
            ],
            "la_code": settings.HAVEN_LA_CODE,
        }
    return render(request, "send/sen2.html", context)


@policy(Policy.ROLE, permission=MAY)
def download(request: AuthenticatedRequest, year: int) -> HttpResponse:
    _allowed(request)
    if census.census_day(year) is None:
        raise PermissionDenied(f"Haven has no SEN2 census day for {year}")
    sen2 = build.build(year, settings.HAVEN_LA_CODE)
    ids = [s.person_id for s in sen2.subjects]
    # The file names every child in the return: a restricted or sealed child's
    # name is the secret, so only a reader who may see each of them named may
    # take it (a team manager holds view_performance too).
    hidden = access.unnamed_for(request.user, ids)
    if hidden:
        children = "child" if len(hidden) == 1 else "children"
        raise PermissionDenied(
            f"The return names {len(hidden)} {children} whose records are "
            "restricted from you: someone with access to them must download it"
        )
    access.log_reads(request.user, ids, what=f"SEN2 {year} return", why=WHY)
    response = HttpResponse(sen2.xml, content_type="application/xml")
    name = f"SEN2_{settings.HAVEN_LA_CODE or 'LA'}_{year}.xml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

"""An EHC plan's details as SEN2 module 4 (NamedPlan) has them: the schools or
settings it names, rank 1 and 2 (PlanDetail), and its personal budget and
residential and work-based learning codes. Each named setting is exactly one
of a URN (from the establishments list), a UKPRN, or an SENsetting code when
there is neither (sen2.md §6 rule 4).

Journal events:
  send.setting_named         {"plan", "rank", "urn", "ukprn", "sen_setting"}
  send.plan_arrangements_recorded {"plan", "personal_budget", "organised",
                              "direct_payment", "residential", "work_based"}"""

from dataclasses import dataclass

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import Establishment, User
from haven.send.codes import (
    PLAN_SETTINGS,
    SETTINGS_SAID,
    DirectPayment,
    PlacementRank,
    Residential,
    SenSetting,
    WorkBased,
)
from haven.send.models import EhcPlan, NamedSetting, PlanArrangements
from haven.send.rules import locked, may_manage, record_event

MATCHES_SHOWN = 5


def find_establishment(
    text: str, failures: Failures, *, field: str
) -> Establishment | None:
    """The school or setting the user named by its URN or by (part of) its
    name; several matches are listed so the user can give the URN."""
    text = " ".join((text or "").split())
    if not text:
        return None
    if text.isdigit():
        found = Establishment.objects.filter(urn=int(text)).first()
        if found is None:
            failures.add(
                "urn_unknown",
                f"No school or setting has the URN {text} in the establishments list",
                field,
            )
        return found
    matches = list(
        Establishment.objects.filter(name__icontains=text)[: MATCHES_SHOWN + 1]
    )
    if len(matches) == 1:
        return matches[0]
    if not matches:
        failures.add(
            "name_unknown",
            f'No school or setting in the establishments list is called "{text}"',
            field,
        )
    else:
        shown = "; ".join(str(e) for e in matches[:MATCHES_SHOWN])
        more = " and more" if len(matches) > MATCHES_SHOWN else ""
        failures.add(
            "name_ambiguous",
            f'Several settings match "{text}": {shown}{more}. Enter the URN',
            field,
        )
    return None


@dataclass
class WhereGiven:
    """Where, as the user gave it: a URN or name, a UKPRN, or an SENsetting."""

    school: str = ""
    ukprn: int | None = None
    sen_setting: str = ""
    other: str = ""
    sen_unit: bool = False
    resourced: bool = False


def check_where(
    failures: Failures, given: WhereGiven, *, codes: tuple[str, ...]
) -> Establishment | None:
    """Add the faults of `given`; return its establishment, if it names one."""
    establishment = find_establishment(given.school, failures, field="school")
    named = [
        bool(given.school.strip()),
        given.ukprn is not None,
        bool(given.sen_setting),
    ]
    if sum(named) == 0:
        failures.add(
            "where_required",
            "Enter the school's URN or name, its UKPRN, or choose the kind of "
            "setting when it has neither",
            "school",
        )
    elif sum(named) > 1:
        failures.add(
            "where_twice",
            "Give only one of the URN or name, the UKPRN, or the kind of setting",
            "school",
        )
    if given.ukprn is not None and not 10_000_000 <= given.ukprn <= 99_999_999:
        failures.add("ukprn_invalid", "A UKPRN has 8 digits", "ukprn")
    if given.sen_setting and given.sen_setting not in codes:
        label = (
            SenSetting(given.sen_setting).label
            if given.sen_setting in SenSetting.values
            else given.sen_setting
        )
        failures.add(
            "setting_code_not_here",
            f'"{label}" describes where a child is, not a setting a plan names'
            if given.sen_setting in SenSetting.values
            else "Choose the kind of setting",
            "sen_setting",
        )
    if given.sen_setting in SETTINGS_SAID and not given.other.strip():
        failures.add("other_required", "Say what the setting is", "other")
    return establishment


def _apply_where(
    row: NamedSetting, given: WhereGiven, found: Establishment | None
) -> None:
    row.establishment = found
    row.ukprn = given.ukprn
    row.sen_setting = given.sen_setting
    row.sen_setting_other = given.other.strip() if given.sen_setting else ""
    row.sen_unit, row.resourced = given.sen_unit, given.resourced


def _plan_open(failures: Failures, plan: EhcPlan) -> None:
    if plan.ceased_on is not None:
        failures.add("plan_ceased", "The plan has ceased: it cannot be changed")


def name_setting(
    plan: EhcPlan, *, rank: int | None, given: WhereGiven, by: User
) -> NamedSetting:
    """Name the plan's main (rank 1) or second (rank 2) school or setting.
    Rank 1's URN is the plan's own setting (models.NamedSetting says why)."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = EhcPlan.objects.select_for_update().get(pk=plan.pk)
        failures = Failures()
        _plan_open(failures, plan)
        if rank not in PlacementRank.values:
            failures.add(
                "rank_required", "Choose the main or the second setting", "rank"
            )
        found = check_where(failures, given, codes=PLAN_SETTINGS)
        current = {row.rank: row for row in plan.named_settings.all()}
        if rank == 2:
            first = current.get(1)
            if plan.setting_id is None and (first is None or not first.where):
                failures.add(
                    "main_setting_first", "Name the main setting first", "rank"
                )
            elif found is not None and found.pk == plan.setting_id:
                failures.add(
                    "same_setting",
                    "The second setting must differ from the main one",
                    "school",
                )
        failures.raise_any()
        assert rank is not None
        row = current.get(rank) or NamedSetting(plan=plan, rank=rank)
        _apply_where(row, given, found)
        if rank == 1:
            # The URN lives on the plan; the row keeps the rest of rank 1.
            plan.setting, row.establishment = found, None
            plan.save(update_fields=["setting"])
        row.save()
        payload = {
            "plan": plan.pk,
            "rank": rank,
            "urn": found.urn if found else None,
            "ukprn": given.ukprn,
            "sen_setting": given.sen_setting,
        }
        record_event(request, "setting_named", payload, by=by, on=clock.today())
    return row


@dataclass
class PlanDetail:
    """One SEN2 PlanDetail (4.7a-f), as the export writes it."""

    rank: int
    establishment: Establishment | None
    ukprn: int | None
    sen_setting: str
    sen_setting_other: str
    sen_unit: bool
    resourced: bool

    @property
    def where(self) -> str:
        if self.establishment is not None:
            return str(self.establishment)
        if self.ukprn:
            return f"UKPRN {self.ukprn}"
        words = SenSetting(self.sen_setting).label if self.sen_setting else ""
        return f"{words}: {self.sen_setting_other}" if self.sen_setting_other else words


def plan_details(plan: EhcPlan) -> list[PlanDetail]:
    """The plan's named settings, rank 1 then 2, as SEN2 PlanDetail has them
    (rank 1's URN from the plan's own setting)."""
    rows = {row.rank: row for row in plan.named_settings.all()}
    details = []
    for rank in (1, 2):
        row = rows.get(rank)
        urn = plan.setting if rank == 1 else (row.establishment if row else None)
        if urn is None and (row is None or not (row.ukprn or row.sen_setting)):
            continue
        details.append(
            PlanDetail(
                rank=rank,
                establishment=urn,
                ukprn=row.ukprn if row else None,
                sen_setting=row.sen_setting if row else "",
                sen_setting_other=row.sen_setting_other if row else "",
                sen_unit=row.sen_unit if row else False,
                resourced=row.resourced if row else False,
            )
        )
    return details


@dataclass
class Arrangements:
    """The plan's personal budget and residential and work-based codes."""

    personal_budget: bool = False
    organised: bool = False
    direct_payment: str = ""
    residential: str = ""
    work_based: str = ""


def _check_arrangements(failures: Failures, given: Arrangements) -> None:
    if given.direct_payment and given.direct_payment not in DirectPayment.values:
        failures.add(
            "dp_unknown", "Choose what the direct payment is for", "direct_payment"
        )
    if given.residential and given.residential not in Residential.values:
        failures.add("res_unknown", "Choose the residential code", "residential")
    if given.work_based and given.work_based not in WorkBased.values:
        failures.add("wbp_unknown", "Choose the work-based learning", "work_based")
    if not given.personal_budget and given.organised:
        failures.add(
            "organised_without_budget",
            "Organised arrangements hold a personal budget: say the budget is "
            "taken up, or untick organised arrangements",
            "organised",
        )
    if not given.personal_budget and given.direct_payment:
        failures.add(
            "payment_without_budget",
            "A direct payment is part of a personal budget: say the budget is "
            "taken up, or choose no direct payment",
            "direct_payment",
        )


def record_arrangements(
    plan: EhcPlan, *, given: Arrangements, by: User
) -> PlanArrangements:
    """Record the plan's personal budget (section J) and its residential and
    work-based learning codes, replacing what was recorded before."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = EhcPlan.objects.select_for_update().get(pk=plan.pk)
        failures = Failures()
        _plan_open(failures, plan)
        _check_arrangements(failures, given)
        failures.raise_any()
        row = PlanArrangements.objects.filter(plan=plan).first() or PlanArrangements(
            plan=plan
        )
        payload = {"plan": plan.pk}
        for name in (
            "personal_budget",
            "organised",
            "direct_payment",
            "residential",
            "work_based",
        ):
            setattr(row, name, getattr(given, name))
            payload[name] = getattr(given, name)
        row.save()
        record_event(
            request, "plan_arrangements_recorded", payload, by=by, on=clock.today()
        )
    return row

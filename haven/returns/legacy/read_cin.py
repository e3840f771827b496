"""Reading a CIN census XML file (returns.md 1.2): each <Child> becomes the
child's identity and their referrals (CINdetails), with what each holds. The
row a fault names is the child's position in the file (the first is 1)."""

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

from haven.returns.legacy.read_903 import BadValue
from haven.returns.legacy.rows import (
    Assessment,
    Child,
    CpPlan,
    Identity,
    Origin,
    Problem,
    Referral,
    Section47,
)

Element = ElementTree.Element


def _text(node: Element | None, tag: str) -> str:
    found = node.find(tag) if node is not None else None
    return (found.text or "").strip() if found is not None else ""


def _day(node: Element | None, tag: str, *, required: bool = False) -> dt.date | None:
    value = _text(node, tag)
    if not value:
        if required:
            raise BadValue(f"{tag} is missing")
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise BadValue(f"{tag} '{value}' is not a date (yyyy-mm-dd)") from None


def _must(node: Element, tag: str) -> dt.date:
    found = _day(node, tag, required=True)
    assert found is not None
    return found


def _flag(node: Element, tag: str) -> bool:
    return _text(node, tag).lower() in ("1", "true")


def read_file(path: Path, children: dict[str, Child], problems: list[Problem]) -> None:
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as bad:
        problems.append(Problem(None, "", f"{path.name} is not XML ({bad})"))
        return
    year_text = _text(root.find("Header/CollectionDetails"), "Year")
    year = int(year_text) if year_text.isdigit() else 0
    for number, node in enumerate(root.iterfind("Children/Child"), start=1):
        origin = Origin(path.name, number, year)
        ids = node.find("ChildIdentifiers")
        child = _text(ids, "LAchildID")
        if ids is None or not child:
            problems.append(Problem(origin, "", "LAchildID is missing"))
            continue
        try:
            identity = _identity(child, ids, node, origin)
            referrals = [_referral(d, origin) for d in node.iterfind("CINdetails")]
        except BadValue as bad:
            problems.append(Problem(origin, child, str(bad)))
            continue
        held = children.setdefault(child, Child(child))
        held.identities.append(identity)
        held.referrals.extend(referrals)


def _identity(child: str, ids: Element, node: Element, origin: Origin) -> Identity:
    traits = node.find("ChildCharacteristics")
    return Identity(
        child=child,
        origin=origin,
        born=_day(ids, "PersonBirthDate"),
        expected=_day(ids, "ExpectedPersonBirthDate"),
        died=_day(ids, "PersonDeathDate"),
        sex=_text(ids, "Sex").upper(),
        upn=_text(ids, "UPN").upper(),
        upn_unknown=_text(ids, "UPNunknown").upper(),
        former_upns=tuple(
            (f.text or "").strip().upper() for f in ids.iterfind("FormerUPN")
        ),
        ethnicity=_text(traits, "Ethnicity").upper(),
        disabilities=tuple(
            (d.text or "").strip().upper()
            for d in node.iterfind("ChildCharacteristics/Disabilities/Disability")
        ),
    )


def _referral(d: Element, origin: Origin) -> Referral:
    return Referral(
        origin=origin,
        referral_date=_must(d, "CINreferralDate"),
        source=_text(d, "ReferralSource").upper(),
        need=_text(d, "PrimaryNeedCode").upper(),
        closed=_day(d, "CINclosureDate"),
        closure_reason=_text(d, "ReasonForClosure").upper(),
        icpc=_day(d, "DateOfInitialCPC"),
        nfa=_flag(d, "ReferralNFA"),
        assessments=tuple(
            Assessment(
                start=_must(a, "AssessmentActualStartDate"),
                authorised=_day(a, "AssessmentAuthorisationDate"),
                factors=tuple(
                    (f.text or "").strip().upper()
                    for f in a.iterfind(
                        "FactorsIdentifiedAtAssessment/AssessmentFactors"
                    )
                ),
            )
            for a in d.iterfind("Assessments")
        ),
        plans=tuple(
            (_must(p, "CINPlanStartDate"), _day(p, "CINPlanEndDate"))
            for p in d.iterfind("CINPlanDates")
        ),
        section_47s=tuple(
            Section47(
                start=_must(s, "S47ActualStartDate"),
                target=_day(s, "InitialCPCtarget"),
                icpc=_day(s, "DateOfInitialCPC"),
                not_required=_flag(s, "ICPCnotRequired"),
            )
            for s in d.iterfind("Section47")
        ),
        cp_plans=tuple(_cp_plan(p) for p in d.iterfind("ChildProtectionPlans")),
    )


def _cp_plan(p: Element) -> CpPlan:
    previous = _text(p, "NumberOfPreviousCPP")
    if previous and not previous.isdigit():
        raise BadValue(f"NumberOfPreviousCPP '{previous}' is not a whole number")
    return CpPlan(
        start=_must(p, "CPPstartDate"),
        end=_day(p, "CPPendDate"),
        initial=_text(p, "InitialCategoryOfAbuse").upper(),
        latest=_text(p, "LatestCategoryOfAbuse").upper(),
        previous=int(previous or 0),
        reviews=tuple(
            r for r in (_day_of(x) for x in p.iterfind("Reviews/CPPreviewDate")) if r
        ),
    )


def _day_of(node: Element) -> dt.date | None:
    try:
        return dt.date.fromisoformat((node.text or "").strip())
    except ValueError:
        raise BadValue(f"CPPreviewDate '{node.text}' is not a date") from None

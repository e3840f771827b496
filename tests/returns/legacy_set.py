"""A synthetic legacy set: two years of SSDA903 CSVs (2023-24 and 2024-25)
and the CIN census XML of the same years, for children the demo never has
(IDs "LG..."). Among them: moves, short breaks (V3), an adoption, a return to
care, a child protection plan, a referral with no further action; and three
bad rows (an unknown code, an end before its start, a date of birth the two
returns disagree on). Dates are dd/mm/yyyy in the 903, as the DfE's are."""

import csv
from pathlib import Path
from xml.etree import ElementTree as ET

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
MISSING = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]

# (CHILD, SEX, DOB, ETHNIC)
PEOPLE = {
    "LG001": ("M", "14/02/2012", "WBRI"),
    "LG002": ("F", "03/09/2014", "BAFR"),
    "LG003": ("F", "22/07/2021", "MWBC"),
    "LG004": ("M", "30/11/2009", "AIND"),
    "LG007": ("F", "03/03/2015", "WBRI"),
    "LG008": ("M", "05/05/2013", "WOTH"),
}


# Each year's episodes (the columns of EPISODES): an episode open at 31 March
# 2024 is in both years' files, ended in the second. Short breaks (LG002) give
# no postcodes, as the SSDA903 asks none of them.
EPISODES_2024 = """
LG001,10/05/2023,S,C1,N1,U4,PR1,15/07/2023,X1,,M1 1AA,M2 2BB,SC100001
LG001,15/07/2023,L,C2,N1,U4,PR1,01/09/2023,X1,CARPL,M1 1AA,M2 2BB,SC100001
LG001,01/09/2023,P,C2,N1,K2,PR4,,,,M1 1AA,M3 3CC,SC200001
LG002,07/07/2023,S,V3,N2,K2,PR1,10/07/2023,E13,,,,SC400001
LG002,12/01/2024,S,V3,N2,K2,PR1,15/01/2024,E13,,,,SC400001
LG003,20/04/2023,S,C2,N1,U4,PR1,10/01/2024,X1,,M1 1AA,M2 2BB,SC100001
LG003,10/01/2024,T,E1,N1,A5,PR1,,,,M1 1AA,M5 5EE,SC500001
LG004,01/06/2023,S,V2,N4,U6,PR5,01/11/2023,E4A,,M1 1AA,M6 6FF,SC300001
LG007,01/09/2023,S,V2,N1,U4,PR1,,,,M1 1AA,M2 2BB,SC100001
LG008,01/08/2023,S,Q9,N1,U4,PR1,,,,M1 1AA,M2 2BB,SC100001
"""
EPISODES_2025 = """
LG001,01/09/2023,P,C2,N1,K2,PR4,01/06/2024,X1,CREQB,M1 1AA,M3 3CC,SC200001
LG001,01/06/2024,P,C2,N1,U6,PR5,,,,M1 1AA,M6 6FF,SC300001
LG003,10/01/2024,T,E1,N1,A5,PR1,01/10/2024,E11,,M1 1AA,M5 5EE,SC500001
LG004,01/05/2024,S,V2,N4,U6,PR5,,,,M1 1AA,M6 6FF,SC300001
"""
REVIEWS_2024 = [("LG001", "10/06/2023", "PN1"), ("LG001", "01/12/2023", "PN3")]
REVIEWS_2025 = [("LG001", "30/05/2024", "PN1"), ("LG004", "20/05/2024", "PN2")]
MISSING_2024 = [("LG001", "M", "02/10/2023", "04/10/2023")]
# The second ends before it starts: reported, the rest of LG001 loaded.
BAD_MISSING = ("LG001", "M", "10/09/2024", "08/09/2024")
MISSING_2025 = [("LG001", "A", "05/08/2024", "05/08/2024"), BAD_MISSING]
# The children with a bad row: left out of a clean set (the round trip's).
BAD_CHILDREN = {"LG007", "LG008"}


def _csv(path: Path, columns: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)


def _mother(child: str) -> str:
    """MOTHER: 0 for a girl looked after, blank for boys and for children on
    short breaks only (SSDA903 rule 393)."""
    return "0" if PEOPLE[child][0] == "F" and child != "LG002" else ""


def write_903(folder: Path, year: int, clean: bool = False) -> Path:
    folder.mkdir(parents=True)
    text = EPISODES_2024 if year == 2024 else EPISODES_2025
    episodes = [line.split(",") for line in text.strip().splitlines()]
    if clean:
        episodes = [e for e in episodes if e[0] not in BAD_CHILDREN]
    children = sorted({e[0] for e in episodes})
    _csv(
        folder / "header.csv",
        HEADER,
        [[c, *PEOPLE[c], "UN2", _mother(c), ""] for c in children],
    )
    _csv(folder / "episodes.csv", EPISODES, episodes)
    reviews = REVIEWS_2024 if year == 2024 else REVIEWS_2025
    _csv(
        folder / "reviews.csv",
        REVIEWS,
        [[c, PEOPLE[c][1], d, code] for c, d, code in reviews],
    )
    missing = MISSING_2024 if year == 2024 else MISSING_2025
    missing = [m for m in missing if not (clean and m == BAD_MISSING)]
    _csv(
        folder / "missing.csv",
        MISSING,
        [[c, PEOPLE[c][1], k, s, e] for c, k, s, e in missing],
    )
    return folder


def _add(parent: ET.Element, tag: str, text: str = "") -> ET.Element:
    node = ET.SubElement(parent, tag)
    if text:
        node.text = text
    return node


def _child(
    children: ET.Element, child: str, born: str, sex: str, ethnic: str
) -> ET.Element:
    node = _add(children, "Child")
    ids = _add(node, "ChildIdentifiers")
    _add(ids, "LAchildID", child)
    _add(ids, "UPNunknown", "UN2")
    _add(ids, "PersonBirthDate", born)
    _add(ids, "Sex", sex)
    traits = _add(node, "ChildCharacteristics")
    _add(traits, "Ethnicity", ethnic)
    _add(_add(traits, "Disabilities"), "Disability", "NONE")
    return node


def _details(node: ET.Element, **fields: str) -> ET.Element:
    details = _add(node, "CINdetails")
    for tag, text in fields.items():
        _add(details, tag, text)
    return details


def _protected(children: ET.Element, year: int) -> None:
    """LG005: an assessment, a section 47, an initial conference and a CP plan,
    open at 31 March 2024 and ended in the next year. As the DfE asks, each
    census holds what happened in its year: the 2024-25 census has the plan
    and its review in that year, not the assessment and enquiry of 2023."""
    node = _child(children, "LG005", "2016-01-12", "F", "WBRI")
    closing = (
        {"CINclosureDate": "2024-07-01", "ReasonForClosure": "RC7"}
        if year == 2025
        else {}
    )
    d = _details(
        node,
        CINreferralDate="2023-06-01",
        ReferralSource="6",
        PrimaryNeedCode="N1",
        **closing,
    )
    if year == 2024:
        _year_one(d)
    _add(d, "ReferralNFA", "0")
    p = _add(d, "ChildProtectionPlans")
    _add(p, "CPPstartDate", "2023-06-20")
    if year == 2025:
        _add(p, "CPPendDate", "2024-06-20")
    _add(p, "InitialCategoryOfAbuse", "NEG")
    _add(p, "LatestCategoryOfAbuse", "EMO")
    _add(p, "NumberOfPreviousCPP", "0")
    reviews = _add(p, "Reviews")
    _add(reviews, "CPPreviewDate", "2023-09-15" if year == 2024 else "2024-06-20")


def _year_one(d: ET.Element) -> None:
    a = _add(d, "Assessments")
    _add(a, "AssessmentActualStartDate", "2023-06-02")
    _add(a, "AssessmentAuthorisationDate", "2023-07-10")
    factors = _add(a, "FactorsIdentifiedAtAssessment")
    for code in ("3A", "16A"):
        _add(factors, "AssessmentFactors", code)
    s = _add(d, "Section47")
    for tag, text in (
        ("S47ActualStartDate", "2023-06-05"),
        ("InitialCPCtarget", "2023-06-26"),
        ("DateOfInitialCPC", "2023-06-20"),
        ("ICPCnotRequired", "0"),
    ):
        _add(s, tag, text)


def write_cin(path: Path, year: int, clean: bool = False) -> Path:
    root = ET.Element("Message")
    collection = _add(_add(root, "Header"), "CollectionDetails")
    _add(collection, "Collection", "CIN")
    _add(collection, "Year", str(year))
    children = _add(root, "Children")
    _protected(children, year)
    # LG001 is in care: their episode is in the census too, matched by CHILD.
    lg001 = _child(children, "LG001", "2012-02-14", "M", "WBRI")
    d = _details(
        lg001, CINreferralDate="2023-04-20", ReferralSource="5D", PrimaryNeedCode="N1"
    )
    _add(d, "ReferralNFA", "0")
    if year == 2025:
        nfa = _child(children, "LG006", "2018-04-04", "M", "CHNE")
        _details(
            nfa,
            CINreferralDate="2024-09-10",
            ReferralSource="2A",
            CINclosureDate="2024-09-11",
            ReasonForClosure="RC7",
            ReferralNFA="1",
        )
    if not clean:
        _conflicting(children)
    path.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
    return path


def _conflicting(children: ET.Element) -> None:
    # LG007's date of birth here is a day off the SSDA903's: a conflict.
    lg007 = _child(children, "LG007", "2015-03-04", "F", "WBRI")
    _add(
        _details(
            lg007,
            CINreferralDate="2023-05-01",
            ReferralSource="1A",
            PrimaryNeedCode="N5",
        ),
        "ReferralNFA",
        "0",
    )


def write_set(folder: Path, clean: bool = False) -> tuple[list[Path], list[Path]]:
    """The CIN census files and the SSDA903 folders, written under `folder`
    (`clean`: without the bad rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    cin = [write_cin(folder / f"cin_{y}.xml", y, clean) for y in (2024, 2025)]
    ssda = [write_903(folder / str(y), y, clean) for y in (2024, 2025)]
    return cin, ssda

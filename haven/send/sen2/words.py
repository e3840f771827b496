"""SEN2's elements and the schema's complaints in words a SEND officer reads:
each element by what it holds and its item number in the DfE guide."""

import re

LABELS = {
    "LEA": "The local authority number (set HAVEN_LA_CODE)",
    "Surname": "The child's last name (1.1)",
    "Forename": "The child's first name (1.2)",
    "PersonBirthDate": "The child's date of birth (1.3)",
    "Sex": "The child's sex (1.4), which SEN2 takes as M or F",
    "Ethnicity": "The child's ethnicity (1.5)",
    "PostCode": "The child's postcode (1.6)",
    "UPN": "The child's UPN (1.7a)",
    "UniqueLearnerNumber": "The unique learner number (1.7b)",
    "UPNunknown": "Why there is no UPN (1.7c)",
    "ReceivedDate": "The date the request came (2.1)",
    "RequestSource": "Who asked for the assessment (2.2)",
    "RequestOutcomeDate": "The date of the decision to assess (2.4)",
    "RequestOutcome": "The decision to assess (2.5)",
    "AssessmentOutcome": "The decision to issue a plan (3.1)",
    "AssessmentOutcomeDate": "The date the plan was issued or refused (3.2)",
    "NamedPlan": "The plan as issued (4)",
    "StartDate": "The date the plan was issued (4.1)",
    "PlanDetail": "The plan's named setting (4.7)",
    "CeaseDate": "The date the plan ceased (4.5)",
    "CeaseReason": "Why the plan ceased (4.6)",
    "URN": "The setting's URN (4.7a, 5.7a), 6 digits",
    "UKPRN": "The setting's UKPRN (4.7b, 5.7b), 8 digits",
    "PlacementRank": "The placement's rank (4.7d, 5.7d)",
    "ActivePlans": "The plan in the year (5)",
    "PlacementDetail": "The child's placement (5.7)",
    "EntryDate": "The date the placement began (5.7e)",
    "LeavingDate": "The date the placement ended (5.7f)",
    "SENneed": "The child's special educational needs (5.8)",
    "SENtype": "The child's need (5.8a)",
    "SENtypeRank": "The need's rank (5.8b)",
    "ReviewMeeting": "The date of the annual review meeting (5.4a)",
    "ReviewOutcome": "The decision after the annual review (5.4c)",
    "LastReview": "The date of the last review decision (5.4b)",
}
# Codes may be quoted back; names, dates of birth and postcodes never are (a
# restricted child's details are not for every reader of the page).
QUOTABLE = {
    "Sex",
    "Ethnicity",
    "UPNunknown",
    "RequestSource",
    "RequestOutcome",
    "AssessmentOutcome",
    "CeaseReason",
    "SENtype",
    "ReviewOutcome",
    "PlacementRank",
    "SENtypeRank",
}
ELEMENT = re.compile(r"Element '([^']+)'")
VALUE = re.compile(r"[Tt]he value '([^']*)'|'([^']*)' is not a valid value")
EXPECTED = re.compile(r"Expected is (?:one of )?\( ?([^)]*)\)")


def label(tag: str) -> str:
    return LABELS.get(tag, tag)


def _expected(message: str) -> str:
    found = EXPECTED.search(message)
    if not found:
        return ""
    names = [label(n.strip()) for n in found.group(1).split(",") if n.strip()]
    return "; ".join(n[0].lower() + n[1:] for n in names)


def schema_error(message: str) -> str:
    """One schema complaint in words."""
    found = ELEMENT.search(message)
    tag = found.group(1) if found else ""
    what = label(tag) if tag else "The return"
    if "Missing child element" in message:
        return f"{what} lacks {_expected(message)}"
    if "This element is not expected" in message:
        expected = _expected(message)
        where = f" (SEN2 expects {expected} there)" if expected else ""
        return f"{what} is in the wrong place or not allowed{where}"
    value = VALUE.search(message)
    quoted = value.group(1) or value.group(2) if value else None
    if tag in QUOTABLE and quoted is not None:
        return f"{what}: “{quoted}” is not a value SEN2 allows"
    if "xs:date" in message:
        return f"{what} is not a date"
    return f"{what} is not in the form SEN2 allows"

"""The letters Haven writes from the record, and the fields each offers.

Each letter's wording is a template an administrator edits (its versions are
records, haven.documents.models); what it may say is fixed here: the fields
offered, each with its meaning and an example for the editor's preview. Later
capabilities add their letters to LETTERS.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    meaning: str
    example: str


@dataclass(frozen=True)
class Letter:
    key: str
    name: str
    purpose: str
    fields: tuple[Field, ...]
    first_wording: str

    @property
    def offered(self) -> set[str]:
        return {field.name for field in self.fields}

    def example(self) -> dict[str, str]:
        return {field.name: field.example for field in self.fields}


COMMON = (
    Field("recipient_name", "The parent or carer the letter is to", "Rosa Pennington"),
    Field(
        "recipient_address",
        "Their current address, on one line",
        "1 Mill Lane, Huddersfield HD1 1AA",
    ),
    Field("child_name", "The child's full name", "Jasmine Thackray"),
    Field("child_first_name", "The child's first name", "Jasmine"),
    Field("child_date_of_birth", "The child's date of birth", "4 May 2016"),
    Field("worker_name", "The allocated social worker", "Alice Example"),
    Field("team_name", "The team holding the case", "Assessment team"),
    Field("council_name", "The council's name", "Haven Demonstration Council"),
    Field("today", "The date the letter is issued", "5 December 2026"),
)

ASSESSMENT_OUTCOME = Letter(
    key="assessment_outcome",
    name="Assessment outcome letter to parents",
    purpose=(
        "Tells a parent or carer what the single assessment of their child found "
        "and what happens next. Written from the child's latest authorised "
        "assessment."
    ),
    fields=(
        *COMMON,
        Field(
            "assessment_started_on", "The day the assessment started", "2 October 2026"
        ),
        Field(
            "assessment_authorised_on",
            "The day a manager authorised it",
            "27 November 2026",
        ),
        Field(
            "outcome",
            "What happens next, in plain words",
            "we will work with you on a child in need plan",
        ),
    ),
    first_wording=(
        "Dear {{ recipient_name }}\n\n"
        "Assessment of {{ child_name }}, born {{ child_date_of_birth }}\n\n"
        "We have finished our assessment of {{ child_first_name }}, which started "
        "on {{ assessment_started_on }} and was agreed by a manager on "
        "{{ assessment_authorised_on }}.\n\n"
        "What happens next: {{ outcome }}.\n\n"
        "If you would like to talk about the assessment, or you disagree with "
        "it, please contact {{ worker_name }} in the {{ team_name }}. You can ask "
        "for a copy of the assessment.\n\n"
        "Yours sincerely\n\n"
        "{{ worker_name }}\n{{ team_name }}\n{{ council_name }}"
    ),
)

LETTERS: dict[str, Letter] = {letter.key: letter for letter in (ASSESSMENT_OUTCOME,)}

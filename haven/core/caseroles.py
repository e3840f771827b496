"""The roles a worker can hold on a child's case, and why a holder changed.

A looked-after child has a social worker and an independent reviewing officer at
once; a care leaver has a personal adviser; a child with an EHC plan a SEND case
officer. Each is an allocation of its own, with its own history, and each gives
its holder and their team access to the record (`haven.core.access`).
"""

from django.db import models


class CaseRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    IRO = "iro", "Independent reviewing officer"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    EARLY_HELP_LEAD = "early_help_lead", "Early help lead practitioner"
    SEND_OFFICER = "send_officer", "SEND case officer"
    # The virtual school's officer for a child in care: PEPs, school history,
    # attendance and exclusions (the Children and Families Act 2014, s22(3A)).
    VIRTUAL_SCHOOL = "virtual_school", "Virtual school officer"
    # The chair and the administrator of a child's child protection conferences
    # hold the case while they arrange, chair and sign off its conferences.
    CP_CHAIR = "cp_chair", "Child protection conference chair"
    CONFERENCE_ADMIN = "conference_admin", "Child protection conference administrator"


# The permission a worker needs to hold each role: a case given to someone who
# cannot do the work would sit where no one works it.
HOLDER_PERMISSION = {
    CaseRole.SOCIAL_WORKER: "core.record_casework",
    CaseRole.IRO: "core.review_looked_after",
    CaseRole.PERSONAL_ADVISER: "core.record_casework",
    CaseRole.EARLY_HELP_LEAD: "core.record_early_help",
    CaseRole.SEND_OFFICER: "core.manage_ehc_plans",
    CaseRole.VIRTUAL_SCHOOL: "core.support_education",
    CaseRole.CP_CHAIR: "core.chair_conferences",
    CaseRole.CONFERENCE_ADMIN: "core.administer_conferences",
}


class ChangeReason(models.TextChoices):
    """SSDA903 SW_REASON: why the child's social worker changed (from 2023-24).

    VERIFY: the codes are the DfE's (validator rule SW13); the wording beside
    them is read from the codes, apart from FCONTA, and is to be checked against
    the SSDA903 guidance for the collection year.
    """

    FCONTA = "FCONTA", "First contact with a social worker"
    MANAGE = "MANAGE", "Management decision"
    LEFTRL = "LEFTRL", "The social worker left the role"
    ORGRST = "ORGRST", "Organisational restructure"
    TSPROC = "TSPROC", "Transfer between teams as the case moved on"
    ABSENC = "ABSENC", "The social worker's absence"
    CHCHAN = "CHCHAN", "Requested by the child"
    PCCHAN = "PCCHAN", "Requested by a parent or carer"
    SWDIED = "SWDIED", "The social worker died"
    OTHERS = "OTHERS", "Other"


CHANGE_REASON_SOURCE = (
    "DfE SSDA903 social worker episodes, SW_REASON (validator rule SW13STG1); "
    "wording unconfirmed"
)

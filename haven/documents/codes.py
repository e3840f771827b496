"""The kinds of document a child's record holds."""

from django.db import models


class DocumentKind(models.TextChoices):
    """What a document is. The first four are uploaded; the last two are
    issued by Haven from the record."""

    REPORT = "report", "Report"
    LETTER_RECEIVED = "letter_received", "Letter received"
    SIGNED_AGREEMENT = "signed_agreement", "Signed agreement (photo or scan)"
    OTHER = "other", "Other document"
    CASE_SUMMARY = "case_summary", "Case summary"
    LETTER_ISSUED = "letter_issued", "Letter sent"


UPLOADED_KINDS = (
    DocumentKind.REPORT,
    DocumentKind.LETTER_RECEIVED,
    DocumentKind.SIGNED_AGREEMENT,
    DocumentKind.OTHER,
)

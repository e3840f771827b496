"""Documents kept on a child's record, and the letter templates they are
issued from."""

from django.db import models

from haven.documents.codes import DocumentKind
from haven.documents.storage import random_name


class Document(models.Model):
    """One file on a child's record: uploaded, or issued by Haven from the
    record (a case summary, a letter), kept as it was when issued.

    The file is stored under a random name (never the uploader's file name,
    which can name a child) and only ever read through the download view,
    which checks access and logs the read."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    dated = models.DateField(help_text="The date on the document, or it was issued.")
    description = models.TextField(
        help_text="What the document is. It may name people, so it is shown only "
        "to those who may open the child's record."
    )
    file = models.FileField(upload_to=random_name, max_length=200)
    content_type = models.CharField(
        max_length=100, help_text="What the content was found to be, by its bytes."
    )
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    added_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()
    template_version = models.ForeignKey(
        "documents.LetterTemplateVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version of the template a letter was issued from.",
    )

    class Meta:
        ordering = ("-dated", "-pk")
        indexes = [
            models.Index(fields=["person", "-dated"], name="document_person_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} dated {self.dated:%d %b %Y}"


class LetterTemplate(models.Model):
    """A letter Haven writes from the record (the assessment outcome letter to
    parents first). Its wording is kept in versions; the fields it may use are
    the code's (haven.documents.letters)."""

    key = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class LetterTemplateVersion(models.Model):
    """One wording of a letter template. Never edited: a change is a new
    version, and each letter issued names the version it was written from."""

    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField()
    body = models.TextField()
    reason = models.TextField(blank=True, default="")
    changed_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ("template", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="letter_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.template} version {self.number}"

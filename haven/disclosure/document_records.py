"""The documents kept on a person's record, listed in the subject access
export: what each is, its date and who added it. The files themselves are
released beside the export (each is opened through the download view, which
logs the read); a description may name others, so every line is marked for
the officer to review before release."""

from collections.abc import Iterator

from haven.disclosure.rows import Row
from haven.documents.models import Document


def document_records(ids: list[int]) -> Iterator[Row]:
    documents = Document.objects.filter(person_id__in=ids).select_related("added_by")
    for d in documents.order_by("dated", "pk"):
        yield Row(
            "Document",
            d.dated,
            d.get_kind_display(),
            f"{d.description} (file of {d.size:,} bytes, released separately)",
            d.added_by,
            named=("the document may name others: read it before release",),
        )

"""Documents in the words a chronology shows."""

from typing import Any

from haven.documents.codes import DocumentKind


def _kind(payload: dict[str, Any]) -> str:
    kind = payload.get("kind", "")
    return DocumentKind(kind).label if kind in DocumentKind.values else "Document"


WORDS = {
    "documents.document_added": lambda p: (
        f"{_kind(p)} added to the record: {p.get('description', '')}"
    ),
    "documents.summary_issued": lambda p: "Case summary issued",
    "documents.letter_issued": lambda p: f"Letter sent: {p.get('description', '')}",
}

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Documents on a child's record: uploaded (reports, letters received,
    signed agreements) and issued from the record (the case summary, letters
    from templates administrators edit). It reads the domain apps below it for
    the case summary's legal context, so it sits above pathways."""

    name = "haven.documents"
    label = "documents"

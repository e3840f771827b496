"""Where documents' files are kept: Django's storage API, configured here.

Read by haven/settings.py, so this module imports nothing of Haven's models.
The file system (under HAVEN_MEDIA_ROOT) by default; in production an
S3-compatible object store through django-storages, its credentials taken by
boto3 from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and never
written in settings. No file is ever reached by a URL of its own: the storage's
URLs are not used, and the object store's bucket stays private.
"""

import os
import uuid
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
FILE_SYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


def document_storage(kind: str, media_root: Path) -> dict[str, Any]:
    """The STORAGES["default"] entry for HAVEN_DOCUMENT_STORAGE."""
    if kind == "filesystem":
        # 0o600/0o700: the files are readable by Haven's own user only.
        return {
            "BACKEND": FILE_SYSTEM_BACKEND,
            "OPTIONS": {
                "location": str(media_root),
                "file_permissions_mode": 0o600,
                "directory_permissions_mode": 0o700,
            },
        }
    bucket = os.environ.get("HAVEN_S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured(
            "HAVEN_DOCUMENT_STORAGE=s3 needs HAVEN_S3_BUCKET, the bucket's name"
        )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Private objects, never overwritten, never linked to: Haven reads
        # each file itself and hands it on after checking access.
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
        "location": "documents",
    }
    endpoint = os.environ.get("HAVEN_S3_ENDPOINT_URL", "").strip()
    if endpoint:
        options["endpoint_url"] = endpoint
    region = os.environ.get("HAVEN_S3_REGION", "").strip()
    if region:
        options["region_name"] = region
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def random_name(instance: Any, filename: str) -> str:
    """The stored name: random, never the name the file was uploaded with
    (which can hold a child's name, and is the uploader's to choose)."""
    return f"documents/{uuid.uuid4().hex}"

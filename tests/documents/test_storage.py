"""Where documents are kept: the file system by default, an S3-compatible
object store when configured, never a setting that could serve them by URL."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from haven.core.config import env_choice
from haven.documents.storage import S3_BACKEND, document_storage


@pytest.mark.django_db
def test_the_file_system_is_the_default_outside_the_static_files(tmp_path):
    chosen = document_storage("filesystem", tmp_path / "media")
    assert chosen["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert chosen["OPTIONS"]["location"] == str(tmp_path / "media")
    assert chosen["OPTIONS"]["file_permissions_mode"] == 0o600
    assert str(settings.STATIC_ROOT) not in str(settings.MEDIA_ROOT)
    assert _served_statically() == []


def _served_statically(patterns=None):
    """URL patterns that would hand out files by path (Django's static serve)."""
    from django.urls import get_resolver
    from django.urls.resolvers import URLResolver
    from django.views.static import serve

    found = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            found += _served_statically(pattern.url_patterns)
        elif getattr(pattern, "callback", None) is serve:
            found.append(str(pattern.pattern))
    return found


def test_an_object_store_is_configured_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HAVEN_S3_BUCKET", "council-documents")
    monkeypatch.setenv("HAVEN_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    monkeypatch.setenv("HAVEN_S3_REGION", "eu-west-2")
    chosen = document_storage("s3", tmp_path)
    assert chosen["BACKEND"] == S3_BACKEND
    options = chosen["OPTIONS"]
    assert options["bucket_name"] == "council-documents"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["default_acl"] is None and options["file_overwrite"] is False
    # django-storages is installed and takes these options (no call is made).
    store = import_string(S3_BACKEND)(**options)
    assert store.bucket_name == "council-documents"


def test_an_object_store_needs_its_bucket(monkeypatch, tmp_path):
    monkeypatch.delenv("HAVEN_S3_BUCKET", raising=False)
    with pytest.raises(ImproperlyConfigured, match="HAVEN_S3_BUCKET"):
        document_storage("s3", tmp_path)


def test_an_unknown_storage_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("HAVEN_DOCUMENT_STORAGE", "ftp")
    with pytest.raises(ImproperlyConfigured, match="filesystem, s3"):
        env_choice("HAVEN_DOCUMENT_STORAGE", ("filesystem", "s3"))

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
application = get_wsgi_application()

# What start-up made lives as long as the worker: out of the collector's scans.
from haven.core.collector import settle  # noqa: E402

settle()

"""Where each app's pages live: the URL prefixes the apps declare.

An app declares its URLs in its plugin.py, so haven/urls.py is not edited for a
new app:

    mount("front-door/", "haven.frontdoor.urls")

The mounts are included in the order of their prefixes (then modules), not the
order the apps were found in, so a path always resolves to the same page.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLResolver, include, path


@dataclass(frozen=True)
class Mount:
    prefix: str
    urlconf: str


MOUNTS: dict[str, Mount] = {}


def mount(prefix: str, urlconf: str) -> None:
    """Declare an app's URLconf under a prefix (in the app's plugin.py)."""
    if urlconf in MOUNTS:
        raise ImproperlyConfigured(f"{urlconf} is mounted twice")
    MOUNTS[urlconf] = Mount(prefix, urlconf)


def mounted() -> list[URLResolver]:
    """Every app's URLs, for haven/urls.py."""
    ordered = sorted(MOUNTS.values(), key=lambda m: (m.prefix, m.urlconf))
    return [path(m.prefix, include(m.urlconf)) for m in ordered]

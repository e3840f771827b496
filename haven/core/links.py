"""Links to one object by id, for pages that list hundreds of them.

`reverse` walks the URL patterns on every call; a work queue reverses a link per
row. The pattern for a URL name with one integer argument is worked out once
(the placeholder is an id no record has) and then filled in.
"""

from functools import cache

from django.urls import reverse

_PLACEHOLDER = 987654321987


@cache
def _pattern(url_name: str) -> tuple[str, str]:
    before, _, after = reverse(url_name, args=[_PLACEHOLDER]).partition(
        str(_PLACEHOLDER)
    )
    return before, after


def link(url_name: str, pk: int) -> str:
    """reverse(url_name, args=[pk]), for a URL whose only argument is an id."""
    before, after = _pattern(url_name)
    return f"{before}{int(pk)}{after}"

"""Who may make the returns: whoever reads the authority's performance
(performance analysts, and managers who hold view_performance). A return names
every child in it, so the page and the download also ask, child by child,
whether the reader may open them (views.py)."""

from typing import Any

from haven.core import permissions


def may_make_returns(user: Any) -> bool:
    return permissions.may_view_performance(user)

"""A form submitted twice is recorded once.

A worker who presses Save as the connection drops cannot tell whether the note
was recorded, and presses it again; the browser may resend it too. Each form
page carries a one-time token (`{% load once %}{% submission_token %}`); the
first submit with a token records and remembers where it led, in the same
transaction; a repeat is sent there instead of recording again.
"""

import uuid
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from haven.core import clock
from haven.core.http import AuthenticatedRequest
from haven.core.models import Submission

FIELD = "submission"


def token_of(request: HttpRequest) -> uuid.UUID | None:
    """The token a submitted page carried, if it carried a real one."""
    try:
        return uuid.UUID(request.POST.get(FIELD, "")[:40])
    except ValueError:
        return None


def page_token(request: HttpRequest) -> uuid.UUID:
    """The token for the page being shown: the one it was submitted with, when
    shown again with errors (nothing was recorded), or a new one."""
    return (request.method == "POST" and token_of(request)) or uuid.uuid4()


def submit_once(
    request: AuthenticatedRequest, record: Callable[[], str]
) -> tuple[str, bool]:
    """Run `record` (which records and returns the URL to go to next) once per
    token: (that URL, True); for a repeat, (the first submit's URL, False).

    What `record` raises (a service's refusal) is raised, with nothing kept.
    A page submitted without a token records every time, as before.
    """
    token = token_of(request)
    if token is None:
        return record(), True
    # The view has usually asked already, before checking the form.
    earlier = getattr(request, "_first_submit", None) or already_submitted(request)
    if earlier is not None:
        return earlier, False
    try:
        with transaction.atomic():
            url = record()
            Submission.objects.create(
                user=request.user, token=token, url=url, submitted_at=clock.now()
            )
    except IntegrityError:
        # The same submit arrived twice at once and the other got there first;
        # everything this one wrote was rolled back with its token.
        request.__dict__.pop("_first_submit", None)
        earlier = already_submitted(request)
        if earlier is None:
            raise
        return earlier, False
    return url, True


def already_submitted(request: AuthenticatedRequest) -> str | None:
    """Where this page's first submit led, if this is a repeat of it: checked
    before the form is, as a repeat may no longer be valid (its new child is
    now on the register, its draft gone)."""
    token = token_of(request)
    if token is None:
        return None
    if hasattr(request, "_first_submit"):
        return request._first_submit
    found = (
        Submission.objects.filter(user=request.user, token=token)
        .values_list("url", flat=True)
        .first()
    )
    # Remembered for the request only while there was none: the IntegrityError
    # path below asks again, and must see the other submit's row.
    if found is None:
        request._first_submit = None  # type: ignore[attr-defined]
    return found

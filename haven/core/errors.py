"""Domain errors: a stable code for programs and a message in the user's words.

A service checks every rule it can before refusing, and refuses once with all the
failures (`DomainErrors`), so the user puts everything right in one go instead of
meeting the rules one submit at a time. `Failures` collects them.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def ordinal(number: int) -> str:
    """'second' for 2: how an error names a row the user sees ('the second child')."""
    return ORDINALS[number - 1] if 0 < number <= len(ORDINALS) else f"number {number}"


class DomainError(Exception):
    """A business rule refused an action.

    `code` is stable (tests and the API use it); `message` is shown to the user;
    `field` names the form field it belongs to, if any: a field of the form, or
    "group.N.name" for field `name` of row N (from 0) of a repeated group, such as
    the children named in a contact or the actions of a plan.
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    @property
    def failures(self) -> list["DomainError"]:
        """Every rule that refused the action: here, this one."""
        return [self]


class AccessDenied(DomainError):
    """The user has no legitimate relationship that allows this."""

    def __init__(self, message: str = "You do not have access to this record") -> None:
        super().__init__("access_denied", message)


class DomainErrors(DomainError):
    """Several rules refused one action; each is reported.

    It is a DomainError whose code, message and field are the first failure's, so
    a caller that shows one error still shows something true.
    """

    def __init__(self, failures: Sequence[DomainError]) -> None:
        first = failures[0]
        super().__init__(first.code, first.message, first.field)
        self._failures = list(failures)

    @property
    def failures(self) -> list[DomainError]:
        return list(self._failures)

    @property
    def codes(self) -> list[str]:
        return [failure.code for failure in self._failures]

    def __str__(self) -> str:
        return "; ".join(failure.message for failure in self._failures)


class Failures:
    """The rules an action breaks, collected so they are reported together.

    failures = Failures()
    if not reason:
        failures.add("reason_required", "Enter the reason", field="reason")
    with failures.gather():
        _check_date(...)  # a check that raises; its failures are kept
    failures.raise_any()
    """

    def __init__(self) -> None:
        self._found: list[DomainError] = []

    def __bool__(self) -> bool:
        return bool(self._found)

    def add(self, code: str, message: str, field: str | None = None) -> None:
        self._found.append(DomainError(code, message, field))

    @contextmanager
    def gather(self) -> Iterator[None]:
        """Keep the failures of a check that raises, and carry on.

        A refusal of access is not gathered: it ends the action at once, before
        any rule about the record is told to someone who may not see it.
        """
        try:
            yield
        except AccessDenied:
            raise
        except DomainError as refused:
            self._found.extend(refused.failures)

    def raise_any(self) -> None:
        if len(self._found) == 1:
            raise self._found[0]
        if self._found:
            raise DomainErrors(self._found)

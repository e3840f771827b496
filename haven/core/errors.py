"""Domain errors: a stable code for programs and a message in the user's words."""


class DomainError(Exception):
    """A business rule refused an action.

    `code` is stable (tests and the API use it); `message` is shown to the user;
    `field` names the form field it belongs to, if any.
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class AccessDenied(DomainError):
    """The user has no legitimate relationship that allows this."""

    def __init__(self, message: str = "You do not have access to this record") -> None:
        super().__init__("access_denied", message)

"""Domain errors. Callers turn them into polite replies; they never reach a user raw."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "domain_error"


class IllegalTransition(DomainError):
    """The action is not allowed from the ticket's current status."""

    code = "illegal_transition"

    def __init__(self, status: str, action: str) -> None:
        super().__init__(f"cannot {action} a ticket that is {status}")
        self.status = status
        self.action = action


class PermissionDenied(DomainError):
    """The actor's role may not perform the action."""

    code = "permission_denied"

    def __init__(self, role: str, action: str) -> None:
        super().__init__(f"role {role} may not {action}")
        self.role = role
        self.action = action


class OwnRequest(PermissionDenied):
    """Staff may not handle a ticket they filed themselves: the rates would be their own
    verdict on their own work."""

    code = "own_request"


class ConcurrentUpdate(DomainError):
    """Someone else changed the ticket first (e.g. two members pressing 接单 at once)."""

    code = "concurrent_update"


class NotFound(DomainError):
    """The ticket, user, team or invite does not exist."""

    code = "not_found"


class InvalidInput(DomainError):
    """Input the domain refuses (empty text, rating out of range, ...)."""

    code = "invalid_input"


class ConnectionLost(Exception):
    """The database connection dropped during a step: run the step again.

    Nothing was saved, unless the connection died during COMMIT after the database had
    committed; then the step's inbox key is taken and running it again does nothing.
    """

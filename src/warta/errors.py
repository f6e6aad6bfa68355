"""The one expected-error type; the CLI turns it into a clean message and exit code."""

from __future__ import annotations


class WartaError(Exception):
    """A problem the user can fix; `message` is shown as is (Bahasa Indonesia)."""

    exit_code = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(WartaError):
    """Bad invocation: wrong option value, missing path, unknown agency (exit 2)."""

    exit_code = 2

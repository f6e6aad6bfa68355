"""A login's numeric account id (`GET /users/{login}`), for roster edits.

The gate compares people by id when the roster knows it, so a renamed or re-registered
login cannot inherit a kepala's authority."""

from __future__ import annotations

from github import GithubException

from warta.errors import UsageError
from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe, connect


def resolve_login(login: str, token: str, base_url: str = "https://api.github.com") -> tuple[str, int]:
    """The account's canonical login and numeric id; UsageError when no such account exists."""
    gh = connect(token, base_url, throttle=False)
    try:
        account = gh.get_user(login)
        return account.login, account.id
    except GithubException as exc:
        if exc.status != 404:
            raise GitHubError(f"Id GitHub @{login} tidak dapat dibaca: {_describe(exc)}.") from None
        raise UsageError(f"Akun GitHub @{login} tidak ditemukan. Periksa ejaan login-nya "
                         "(lihat github.com/<login>).") from None
    except API_ERRORS as exc:
        raise GitHubError(f"Id GitHub @{login} tidak dapat dibaca: {_describe(exc)}.") from None

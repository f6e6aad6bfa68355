"""Environment secrets through the API: dispatch writes a rotated refresh token back before using it.

PyGithub seals the value with the environment's public key (PyNaCl sealed box), as GitHub requires;
the plain value never leaves this process except inside the sealed box.
"""

from __future__ import annotations

from github.Repository import Repository

from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe, connect


def open_repository(repo_name: str, token: str, base_url: str = "https://api.github.com") -> Repository:
    try:
        return connect(token, base_url).get_repo(repo_name)
    except API_ERRORS as exc:
        raise GitHubError(f"repositori {repo_name} tidak terbaca ({_describe(exc)})") from None


def check_environment_secrets(repo: Repository, environment: str) -> None:
    """Fails unless the environment's public key can be read (the first step of every secret write)."""
    try:
        repo.get_environment(environment).get_public_key()
    except API_ERRORS as exc:
        raise GitHubError(f"kunci publik environment `{environment}` tidak terbaca ({_describe(exc)})") from None


def put_environment_secret(repo: Repository, environment: str, name: str, value: str) -> None:
    """Create or replace one secret of `environment` (GET public key, seal, PUT)."""
    try:
        repo.get_environment(environment).create_secret(name, value)
    except API_ERRORS as exc:
        raise GitHubError(f"secret `{name}` di environment `{environment}` gagal ditulis ({_describe(exc)})") \
            from None

"""The only PyGithub user: pull requests (`pulls`) and organisation setup (`admin`)."""

from warta.gate.github.admin import (
    apply_environments,
    apply_ruleset,
    check_protection,
    sync_org_teams,
    sync_teams,
)
from warta.gate.github.issues import sync_issue
from warta.gate.github.pulls import (
    API_ERRORS,
    GitHubError,
    PullData,
    connect,
    gate_pull,
    open_pull_request,
    post_verdict,
    pulls_for_head,
    read_pull,
    token_from_env,
)
from warta.gate.github.secrets import check_environment_secrets, open_repository, put_environment_secret
from warta.gate.github.users import resolve_login

__all__ = [
    "API_ERRORS", "GitHubError", "PullData", "apply_environments", "apply_ruleset", "check_protection",
    "connect", "gate_pull", "open_pull_request", "post_verdict", "pulls_for_head", "read_pull",
    "resolve_login", "sync_org_teams", "sync_teams", "token_from_env",
    "check_environment_secrets", "open_repository", "put_environment_secret", "sync_issue",
]

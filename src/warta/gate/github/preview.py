"""The `warta/preview` commit status: the one-tap link to the changed post on the preview site.

Runs in the trusted publish job; the link is computed from the PR's file names read through
the API (`warta.preview.preview_target`), never from a file of the PR or its artifact.
"""

from __future__ import annotations

from github import Github

from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe
from warta.preview import preview_root, preview_target

STATUS_CONTEXT = "warta/preview"


def post_preview_status(gh: Github, repo_name: str, number: int, pages_url: str | None = None,
                        head_sha: str | None = None) -> str:
    """Set `warta/preview` on the PR's head to the changed post's preview page; returns it."""
    try:
        repo = gh.get_repo(repo_name)
        pull = repo.get_pull(number)
        sha = head_sha or pull.head.sha
        target = preview_target(preview_root(repo_name, number, pages_url),
                                [f.filename for f in pull.get_files()])
        gh.requester.requestJsonAndCheck(
            "POST", f"/repos/{repo_name}/statuses/{sha}",
            input={"state": "success", "target_url": target, "context": STATUS_CONTEXT,
                   "description": "Pratinjau berita (templat dari main, bukan dari PR)"})
    except API_ERRORS as exc:
        raise GitHubError(f"Status pratinjau tidak dapat dikirim: {_describe(exc)}.") from None
    return target

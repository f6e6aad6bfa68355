"""One status issue kept open, updated or closed by a scheduled job (e.g. "Token media sosial bermasalah")."""

from __future__ import annotations

from github.Repository import Repository

from warta.gate.github.pulls import API_ERRORS, GitHubError, _describe


def sync_issue(repo: Repository, title: str, body: str | None, *, closed_note: str = "") -> str:
    """`body` None closes the open issue titled `title` (if any); otherwise the one open issue with that
    title is created or its body replaced. Returns what happened, for the job's log."""
    try:
        found = [i for i in repo.get_issues(state="open") if i.title == title and i.pull_request is None]
        if body is None:
            for issue in found:
                issue.edit(state="closed", state_reason="completed", body=closed_note or issue.body)
            return f"isu #{found[0].number} ditutup" if found else "tidak ada isu yang perlu ditutup"
        if found:
            issue = found[0]
            if issue.body != body:
                issue.edit(body=body)
                return f"isu #{issue.number} diperbarui"
            return f"isu #{issue.number} tidak berubah"
        issue = repo.create_issue(title=title, body=body)
        return f"isu #{issue.number} dibuka"
    except API_ERRORS as exc:
        raise GitHubError(f"isu \"{title}\" gagal diperbarui ({_describe(exc)})") from None

"""Pull requests through the API: read one, post the verdict and the one comment, open one."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import requests
from github import Auth, Github, GithubException, UnknownObjectException
from github.PullRequest import PullRequest as GhPull
from github.Repository import Repository

from warta import git as wgit
from warta.errors import UsageError, WartaError
from warta.gate.comment import CHECK_NAME, MARKER, comment_body, requirements_markdown, title
from warta.gate.evaluate import NotAFile, read_head_posts
from warta.gate.models import (
    ChangedFile,
    Contributors,
    PullRequest,
    Requirement,
    Review,
    Verdict,
)
from warta.gate.scopes import touched_scopes
from warta.gate.verdict import approval_verdict
from warta.roster.at_commit import roster_at
from warta.roster.models import Person, Roster
from warta.timeutil import now_wib

# GitHub lists at most 250 commits of a pull request; beyond that authors are unknown.
MAX_COMMITS = 250
_STATUS = {"added": "A", "removed": "D", "modified": "M", "renamed": "R", "copied": "C",
           "changed": "T", "unchanged": "M"}
API_ERRORS = (GithubException, requests.RequestException)


class GitHubError(WartaError):
    """The GitHub API failed; the gate treats this as not approved."""


@dataclass(frozen=True)
class PullData:
    number: int
    author: str
    author_id: int | None
    base_sha: str
    head_sha: str
    changed_count: int
    commit_count: int
    changed_files: tuple[ChangedFile, ...]
    contributors: Contributors
    reviews: tuple[Review, ...]


def token_from_env() -> str:
    token = os.environ.get("WARTA_GITHUB_TOKEN") or os.environ.get("GITHUB_TOKEN")
    if not token:
        raise UsageError("Token GitHub tidak ada: isi variabel lingkungan WARTA_GITHUB_TOKEN "
                         "(token instalasi GitHub App).")
    return token


def connect(token: str, base_url: str = "https://api.github.com", *, retries: int = 2,
            throttle: bool | None = None) -> Github:
    """A PyGithub client; `base_url` points at GitHub, GHES or a local fake."""
    if throttle is None:  # PyGithub's pauses respect GitHub's secondary rate limits
        throttle = os.environ.get("WARTA_GITHUB_THROTTLE", "1") != "0"
    return Github(auth=Auth.Token(token), base_url=base_url.rstrip("/"), retry=retries,
                  timeout=30, per_page=100,
                  seconds_between_requests=0.25 if throttle else None,
                  seconds_between_writes=1.0 if throttle else None)


def open_pull_request(repo_name: str, branch: str, title: str, body: str, *, base: str = "main",
                      base_url: str = "https://api.github.com") -> str:
    """Open a pull request for `branch` and return its web address."""
    try:
        repo = connect(token_from_env(), base_url).get_repo(repo_name)
        pull = repo.create_pull(base=base, head=branch, title=title, body=body)
    except GithubException as exc:
        raise GitHubError(f"Pull request gagal dibuat ({_describe(exc)}). Cabang `{branch}` sudah "
                          "terkirim: buka GitHub dan buat pull request dari cabang itu.") from None
    return str(pull.html_url)


def _contributors(pull: GhPull) -> Contributors:
    logins: list[str] = []
    ids: list[int] = []
    identities: list[tuple[str, str]] = []
    for commit in pull.get_commits():
        for user in (commit.author, commit.committer):
            if user is not None:
                logins.append(user.login)
                ids.append(user.id)
        git_commit = commit.commit
        for actor in (git_commit.author, git_commit.committer):
            if actor is not None:
                identities.append((actor.name or "", actor.email or ""))
        identities += [(i.name, i.email) for i in wgit.co_authors(git_commit.message or "")]
    return Contributors.from_strings(logins, ids) | Contributors.from_identities(identities)


def _reviews(pull: GhPull) -> tuple[Review, ...]:
    found: list[Review] = []
    for review in pull.get_reviews():
        if review.user is None or review.submitted_at is None or not review.commit_id:
            continue  # pending reviews and deleted accounts approve nothing
        found.append(Review(review.user.login, (review.state or "").upper(), review.commit_id,
                            review.submitted_at, review.user.id))
    return tuple(found)


def read_pull(repo: Repository, number: int) -> PullData:
    """Everything the verdict needs from the API: files, commits, reviews, opener, SHAs."""
    pull = repo.get_pull(number)
    files = tuple(ChangedFile(f.filename, _STATUS.get(f.status, "M"), f.previous_filename)
                  for f in pull.get_files())
    return PullData(
        number=number, author=pull.user.login, author_id=pull.user.id,
        base_sha=pull.base.sha, head_sha=pull.head.sha,
        changed_count=pull.changed_files, commit_count=pull.commits,
        changed_files=files, contributors=_contributors(pull), reviews=_reviews(pull),
    )


def failed(scope: str, reason: str) -> Verdict:
    """A verdict that fails closed with one explained requirement."""
    return Verdict((Requirement(scope, (), None, reason),), failed_closed=True)


def verdict_for(gh: Github, repo: Repository, data: PullData, checkout: Path,
                now: datetime) -> Verdict:
    """The verdict for API data, with the roster read at base_sha from a trusted checkout."""
    if data.changed_count != len(data.changed_files):
        return failed("files", f"GitHub hanya menampilkan {len(data.changed_files)} dari "
                               f"{data.changed_count} berkas yang berubah; persetujuan tidak "
                               "dapat diperiksa. Pecah pull request ini menjadi lebih kecil.")
    if data.commit_count > MAX_COMMITS or data.commit_count < 0:
        return failed("files", f"Pull request ini berisi {data.commit_count} commit, lebih dari "
                               f"{MAX_COMMITS} yang dapat dibaca dari GitHub. Gabungkan (squash) "
                               "commit-nya lalu minta persetujuan lagi.")
    local = wgit.open_repo(checkout)
    base = wgit.resolve_commit(local, data.base_sha)

    def read_at_head(path: str) -> bytes | None:
        try:
            content = repo.get_contents(path, ref=data.head_sha)
        except GithubException as exc:
            if exc.status == 404:
                return None
            raise
        if isinstance(content, list):
            return None
        if content.type != "file":
            raise NotAFile(path)
        if content.encoding != "base64":  # over 1 MB the API sends no content: fail closed
            raise NotAFile(path, "berkas terlalu besar untuk dibaca lewat GitHub API")
        return content.decoded_content  # raw bytes: the reader decodes them, as for check and site

    posts = read_head_posts(read_at_head, data.changed_files)
    pr = PullRequest(author=data.author, author_id=data.author_id, head_sha=data.head_sha,
                     changed_files=data.changed_files, reviews=data.reviews,
                     contributors=data.contributors, media_center_posts=posts.media_center,
                     unreadable_posts=posts.unreadable)
    roster = roster_at(local, base)
    if touched_scopes(pr.changed_files, roster, frozenset()).needs_admin or not pr.changed_files:
        roster = with_admin_team(gh, roster)
    return approval_verdict(pr, roster, now)


def with_admin_team(gh: Github, roster: Roster) -> Roster:
    """Add the members of the base roster's admin team (`github.admin_team`) to the admins."""
    province = roster.province
    if not province.github_org or not province.admin_team:
        return roster
    team = gh.get_organization(province.github_org).get_team_by_slug(province.admin_team)
    try:
        members = tuple(Person(None, m.login, m.id) for m in team.get_members())
    except UnknownObjectException:
        return roster  # no such team: only the admins named in the roster
    return replace(roster, province=replace(province, admins=province.admins + members))


def upsert_comment(pull: GhPull, body: str) -> None:
    """Edit the comment carrying MARKER, or create it: one comment per PR, not one per push."""
    for comment in pull.get_issue_comments():
        if MARKER in (comment.body or ""):
            if comment.body != body:
                comment.edit(body)
            return
    pull.create_issue_comment(body)


ReviewComment = Callable[[Path, str, str, Verdict, "str | None"], str]


def review_text(review: ReviewComment | None, checkout: Path, base_sha: str, head_sha: str, verdict: Verdict,
                preview_url: str | None = None) -> str | None:
    """The review comment (`warta report`, passed in by the command layer) when the head commit is in the
    local clone (same-repo PRs).

    PR content is only read (git archive into a temporary folder), never run. The review is
    optional: any failure leaves the comment with the requirement list alone.
    """
    if review is None:
        return None
    try:
        wgit.resolve_commit(wgit.open_repo(checkout), head_sha)
        return review(checkout, base_sha, head_sha, verdict, preview_url)
    except Exception:  # noqa: BLE001 - a broken review must never stop the verdict
        return None


def publish_verdict(repo: Repository, number: int, head_sha: str, verdict: Verdict,
                    *, comment: bool = True, review: str | None = None) -> None:
    """Post the check run `warta/persetujuan` on head_sha and update the PR comment."""
    repo.create_check_run(
        name=CHECK_NAME, head_sha=head_sha, status="completed",
        conclusion="success" if verdict.approved else "failure",
        output={"title": title(verdict), "summary": requirements_markdown(verdict)},
    )
    if comment:
        upsert_comment(repo.get_pull(number), comment_body(verdict, head_sha, review))


def preview_url_for(repo_name: str, number: int) -> str | None:
    """The PR's preview root (`warta.preview`); WARTA_PREVIEW_PAGES_URL=off turns links off."""
    from warta.preview import preview_root

    pages = os.environ.get("WARTA_PREVIEW_PAGES_URL") or None
    return None if pages == "off" else preview_root(repo_name, number, pages)


def gate_pull(gh: Github, repo_name: str, number: int, checkout: Path,
              now: datetime | None = None, *, review: ReviewComment | None = None) -> Verdict:
    """Read, decide, re-check the head, report (with `review`'s comment when given). Any API error is
    reported as not approved."""
    now = now or now_wib()
    try:
        repo = gh.get_repo(repo_name)
        head_sha = repo.get_pull(number).head.sha
    except API_ERRORS as exc:
        raise GitHubError(f"Pull request #{number} di {repo_name} tidak dapat dibaca dari "
                          f"GitHub: {_describe(exc)}.") from None
    data_base: str | None = None
    try:
        data = read_pull(repo, number)
        head_sha, data_base = data.head_sha, data.base_sha
        verdict = verdict_for(gh, repo, data, checkout, now)
        latest = repo.get_pull(number).head.sha
    except API_ERRORS as exc:
        verdict = failed("github", "GitHub API gagal saat memeriksa persetujuan "
                                   f"({_describe(exc)}), sehingga dianggap belum disetujui. "
                                   "Jalankan ulang pemeriksaan.")
        latest = head_sha
    except wgit.GitError as exc:
        verdict = failed("github", f"Roster di cabang tujuan tidak dapat dibaca: {exc.message}")
        latest = head_sha
    if latest != head_sha:
        verdict = failed("head", f"Ada commit baru ({latest[:7]}) selama pemeriksaan; hasil untuk "
                                 f"{head_sha[:7]} tidak berlaku dan pemeriksaan diulang.")
    text = None
    if latest == head_sha and data_base is not None:
        text = review_text(review, checkout, data_base, head_sha, verdict, preview_url_for(repo_name, number))
    try:
        publish_verdict(repo, number, head_sha, verdict, comment=latest == head_sha, review=text)
    except API_ERRORS as exc:
        raise GitHubError(f"Hasil persetujuan tidak dapat dikirim ke GitHub: "
                          f"{_describe(exc)}.") from None
    return verdict


def _describe(exc: Exception) -> str:
    if isinstance(exc, GithubException):
        message = exc.data.get("message") if isinstance(exc.data, dict) else None
        return f"HTTP {exc.status}" + (f" {message}" if message else "")
    return type(exc).__name__


def pulls_for_head(gh: Github, repo_name: str, head_sha: str) -> list[int]:
    """Open PRs whose head is `head_sha` (a review's workflow_run names only the SHA)."""
    try:
        repo = gh.get_repo(repo_name)
        return [p.number for p in repo.get_pulls(state="open") if p.head.sha == head_sha]
    except API_ERRORS as exc:
        raise GitHubError(f"Daftar pull request tidak dapat dibaca: {_describe(exc)}.") from None


def post_verdict(repo_name: str, number: int | None, head_sha: str | None, checkout: Path,
                 base_url: str, review: ReviewComment | None = None) -> int:
    """CLI edge: 0 when every verdict was reported (whatever it is), 1 when one could not be."""
    gh = connect(token_from_env(), base_url)
    numbers = [number] if number is not None else pulls_for_head(gh, repo_name, head_sha or "")
    if not numbers:
        print(f"Tidak ada pull request terbuka dengan commit {head_sha}.")
    for n in numbers:
        verdict = gate_pull(gh, repo_name, n, checkout, review=review)
        print(f"#{n}: {title(verdict)}")
    return 0

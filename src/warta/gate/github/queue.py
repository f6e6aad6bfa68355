"""The merge queue and the quality check, both posted by the Warta GitHub App.

A merge group (`merge_group` event) is one queued PR on top of the current main (or of the
PRs queued before it). Its `warta/persetujuan` is the PR's own verdict, with the PR's reviews
on the PR's head SHA, but with the roster at the group's base SHA: an approval survives other
agencies' merges, and a kepala replaced on main in the meantime no longer counts.

`warta/check` is the quality check (`warta check`) of a tree, computed from an exported copy
(PR files are read, never run) and posted as a check run of the App, so no workflow on any
branch can forge it with the Actions token.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from github import Github
from github.Repository import Repository

from warta import git as wgit
from warta.errors import UsageError
from warta.findings import Finding, has_errors
from warta.gate.comment import CHECK_NAME, requirements_markdown, title
from warta.gate.github.pulls import (
    API_ERRORS,
    GitHubError,
    _describe,
    failed,
    read_pull,
    verdict_for,
)
from warta.gate.models import Verdict
from warta.gate.protection import CHECK_QUALITY
from warta.timeutil import now_wib

# GitHub names each queue entry's branch `gh-readonly-queue/<base branch>/pr-<number>-<sha>`.
QUEUE_REF = re.compile(r"^(?:refs/heads/)?gh-readonly-queue/(?P<base>.+)/pr-(?P<number>\d+)-"
                       r"(?P<sha>[0-9a-f]{40})$")
_SHA = re.compile(r"^[0-9a-f]{40}$")
# What `warta check` reads: the roster, the posts and what lies beside them.
QUALITY_TREE = ["roster", "content"]
_MAX_LINES = 200


def queued_pull_number(head_ref: str) -> int:
    """The PR number in a merge group's head ref; anything else is bad input."""
    match = QUEUE_REF.match(head_ref)
    if not match:
        raise UsageError(f"`{head_ref}` bukan cabang antrean merge "
                         "(refs/heads/gh-readonly-queue/<cabang>/pr-<nomor>-<sha>).")
    return int(match.group("number"))


def _sha(value: str, what: str) -> str:
    if not _SHA.match(value):
        raise UsageError(f"{what} `{value}` bukan SHA commit (40 karakter heksadesimal).")
    return value


def group_parents(checkout: Path, group_head: str) -> tuple[str, str]:
    """The queue's merge commit (merge method MERGE) has two parents: the group's base and the
    queued PR's head. Read from the trusted clone, never from the event alone."""
    repo = wgit.open_repo(checkout)
    commit = repo.commit(wgit.resolve_commit(repo, group_head))
    if len(commit.parents) != 2:
        raise wgit.GitError(f"Commit antrean {group_head[:7]} bukan commit merge dengan dua induk "
                            "(ruleset harus memakai merge_method MERGE).")
    return commit.parents[0].hexsha, commit.parents[1].hexsha


def gate_merge_group(gh: Github, repo_name: str, head_ref: str, group_head: str,
                     group_base: str | None, checkout: Path,
                     now: datetime | None = None) -> Verdict:
    """The queued PR's verdict with the roster at the group's base; posted on the group head.

    The group head must merge exactly the PR's current head onto the base (its two parents),
    so the check cannot be posted on a commit that carries anything else."""
    number = queued_pull_number(head_ref)
    group_head = _sha(group_head, "head_sha")
    if group_base is not None:
        group_base = _sha(group_base, "base_sha")
    now = now or now_wib()
    try:
        repo = gh.get_repo(repo_name)
    except API_ERRORS as exc:
        raise GitHubError(f"Repositori {repo_name} tidak dapat dibaca: {_describe(exc)}.") from None
    base = group_base or group_head
    try:
        base, merged = group_parents(checkout, group_head)
        data = read_pull(repo, number)
        if group_base is not None and group_base != base:
            verdict = failed("head", f"base_sha antrean {group_base[:7]} bukan induk pertama "
                                     f"commit antrean ({base[:7]}).")
        elif merged != data.head_sha:
            verdict = failed("head", f"Antrean menggabungkan {merged[:7]}, bukan commit terakhir "
                                     f"pull request #{number} ({data.head_sha[:7]}).")
        else:
            # The PR's reviews on the PR's head, the roster of the group's base (current main).
            verdict = verdict_for(gh, repo, replace(data, base_sha=base), checkout, now)
            latest = repo.get_pull(number).head.sha
            if latest != data.head_sha:
                verdict = failed("head", f"Ada commit baru ({latest[:7]}) di pull request "
                                         f"#{number} selama antrean; persetujuan harus diberikan "
                                         "lagi.")
    except API_ERRORS as exc:
        verdict = failed("github", "GitHub API gagal saat memeriksa antrean merge "
                                   f"({_describe(exc)}), sehingga dianggap belum disetujui.")
    except wgit.GitError as exc:
        verdict = failed("github", f"Antrean merge tidak dapat dibaca dari git: {exc.message}")
    try:
        repo.create_check_run(
            name=CHECK_NAME, head_sha=group_head, status="completed",
            conclusion="success" if verdict.approved else "failure",
            output={"title": title(verdict),
                    "summary": f"Antrean merge pull request #{number}, roster dari "
                               f"`{base[:7]}`.\n\n{requirements_markdown(verdict)}"})
    except API_ERRORS as exc:
        raise GitHubError(f"Hasil antrean tidak dapat dikirim ke GitHub: {_describe(exc)}.") from None
    return verdict


def quality_result(checkout: Path, sha: str, today: date | None = None) -> dict[str, Any]:
    """`warta check` of the tree at `sha`, exported to a temporary folder (nothing is run)."""
    from warta.check import run_check

    today = today or now_wib().date()
    try:
        resolved = wgit.resolve_commit(wgit.open_repo(checkout), sha)
    except wgit.GitError as exc:
        return {"sha": sha, "ok": False, "findings": [],
                "problem": f"Commit {sha[:7]} tidak ada di klon pemeriksa: {exc.message}"}
    with wgit.exported_tree(checkout, resolved, QUALITY_TREE) as tree:
        (tree / "roster").mkdir(exist_ok=True)
        findings = run_check(tree, today=today)
    findings += _corrections(checkout, resolved)
    errors = [f for f in findings if has_errors([f])]
    ordered = errors + [f for f in findings if not has_errors([f])]
    # Capped, errors first: the result travels as a job output to the job with the App token.
    return {"sha": resolved, "ok": not errors, "errors": len(errors),
            "warnings": len(findings) - len(errors),
            "findings": [f.as_dict() for f in ordered[:_MAX_LINES]]}


def _corrections(checkout: Path, sha: str) -> list[Finding]:
    """Published posts changed without `ralat`, against where `sha` left the checkout's branch
    (the trusted clone is the default branch: that is the PR's or the merge group's base)."""
    from warta.check.ralat import corrections_between

    repo = wgit.open_repo(checkout)
    try:
        bases = repo.merge_base(sha, "HEAD")
    except wgit.GitCommandError:  # no common history: nothing of it was published
        return []
    if not bases or bases[0].hexsha == sha:
        return []
    return corrections_between(repo, bases[0].hexsha, sha, now_wib())


def _summary(result: dict[str, Any]) -> tuple[str, str]:
    if result.get("problem"):
        return "Tidak dapat diperiksa", str(result["problem"])
    findings = result.get("findings", [])[:_MAX_LINES]
    errors, warnings = int(result.get("errors", 0)), int(result.get("warnings", 0))
    head = f"{errors} galat, {warnings} peringatan" if errors or warnings else "Tidak ada temuan"
    lines = [f"- **{f.get('severity')}** `{f.get('file')}:{f.get('line')}` {f.get('code')}: "
             f"{f.get('message')}" for f in findings]
    if errors + warnings > len(findings):
        lines.append(f"- … dan {errors + warnings - len(findings)} temuan lain "
                     "(jalankan `warta check`)")
    return head, "\n".join(lines) or "Roster dan berita lolos pemeriksaan."


def post_quality(repo: Repository, result: dict[str, Any]) -> None:
    """Post `warta/check` for the result's commit, as the App whose token `repo` carries."""
    head, summary = _summary(result)
    repo.create_check_run(name=CHECK_QUALITY, head_sha=str(result["sha"]), status="completed",
                          conclusion="success" if result.get("ok") else "failure",
                          output={"title": head, "summary": summary[:60000]})

"""Gather the pull-request review: each changed post, its checks and its captions per network."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from warta.channels.captions import Caption, render_caption
from warta.check import apply_severities
from warta.check.files import content_file_findings
from warta.check.quality import Context, check_post_quality
from warta.check.ralat import changed_post_pairs, correction_findings, text_changed, text_diff
from warta.content import load_post
from warta.content.files import (
    DATA_SUFFIXES,
    PUBLISHABLE_SUFFIXES,
    is_plans_path,
    is_post_path,
    is_publishable_attachment,
)
from warta.content.models import Post
from warta.content.plans import load_plan_file
from warta.content.urls import post_url
from warta.findings import Finding, sort_findings
from warta.git import ChangedPath, diff_name_status, exported_tree, open_repo, resolve_commit
from warta.roster.at_commit import roster_at
from warta.timeutil import now_wib

STATUS_LABEL = {"A": "baru", "M": "diubah", "D": "dihapus", "R": "dipindah", "C": "disalin", "T": "diubah"}


@dataclass(frozen=True)
class PostReview:
    path: str
    status: str
    old_path: str | None = None
    post: Post | None = None
    findings: tuple[Finding, ...] = ()
    captions: tuple[Caption, ...] = ()
    url: str = ""
    preview_url: str = ""  # the post's page on the PR preview site (empty: no preview)
    published_diff: str = ""  # the change to the text the public has seen (short unified diff)

    def as_dict(self) -> dict[str, Any]:
        post = self.post
        return {
            "path": self.path,
            "status": self.status,
            "old_path": self.old_path,
            "title": post.title if post else None,
            "agency": self.path.split("/")[1],
            "url": self.url or None,
            "preview_url": self.preview_url or None,
            "draft": post.draft if post else None,
            "publish_at": post.publish_at.isoformat() if post and post.publish_at else None,
            "media_center": post.media_center if post else None,
            "channels": list(post.channels) if post else [],
            "findings": [f.as_dict() for f in self.findings],
            "captions": [_caption_dict(c) for c in self.captions],
            "published_diff": self.published_diff or None,
        }


def _caption_dict(caption: Caption) -> dict[str, Any]:
    return {
        "channel": caption.channel,
        "text": caption.text,
        "title": caption.title,
        "media": [m.path for m in caption.media],
        "video": caption.video,
        "length": caption.length,
        "limit": caption.limit,
        "overridden": caption.overridden,
        "cut": caption.cut,
    }


ALLOWED_LIST = ", ".join(sorted(PUBLISHABLE_SUFFIXES))
NOT_ALLOWED = ("Jenis berkas ini tidak diterbitkan Warta (yang diterima di `content/`: berita `.md`, "
               f"lampiran {ALLOWED_LIST}). Hapus berkas ini dari pull request, atau ubah ke salah satu "
               "jenis tersebut.")


@dataclass(frozen=True)
class FileReview:
    """One changed file: a post, an attachment beside posts, Warta data, or anything else."""

    path: str
    status: str
    kind: str  # post | attachment | data | not_allowed | other
    old_path: str | None = None
    problem: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "kind": self.kind, "old_path": self.old_path,
                "problem": self.problem}


SYMLINK = ("Berkas ini tautan simbolik (symlink); Warta tidak membaca atau menerbitkan symlink. Hapus "
           "tautannya dan unggah berkas aslinya.")


def classify(change: ChangedPath, *, symlink: bool = False) -> FileReview:
    """Every changed path, judged by the same allowlist the site uses (content/files.py)."""
    status = STATUS_LABEL.get(change.status, change.status)
    path = change.path
    if symlink and path.startswith("content/"):
        return FileReview(path, status, "not_allowed", change.old_path, SYMLINK)
    if not path.startswith("content/"):
        return FileReview(path, status, "other", change.old_path)
    if is_post_path(path) and path.count("/") >= 2:
        return FileReview(path, status, "post", change.old_path)
    if is_publishable_attachment(path):
        return FileReview(path, status, "attachment", change.old_path)
    if PurePosixPath(path).suffix.lower() in DATA_SUFFIXES:
        return FileReview(path, status, "data", change.old_path)
    problem = None if change.status == "D" else NOT_ALLOWED  # removing such a file is the fix
    return FileReview(path, status, "not_allowed", change.old_path, problem)


@dataclass(frozen=True)
class PlanFileReview:
    """A changed plan file (content/<agency>/_rencana/<yyyy>-<mm>.yml): data, never published as a file."""

    path: str
    status: str
    public: int = 0  # items that will appear on the Agenda page and in agenda.ics
    internal: int = 0
    findings: tuple[Finding, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "agency": self.path.split("/")[1],
                "public_items": self.public, "internal_items": self.internal,
                "findings": [f.as_dict() for f in self.findings]}


@dataclass(frozen=True)
class Review:
    base: str
    head: str
    posts: tuple[PostReview, ...]
    other_files: tuple[str, ...] = ()
    requirements: tuple[dict[str, Any], ...] = ()
    approved: bool | None = None
    preview_url: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    files: tuple[FileReview, ...] = ()  # every changed file, posts included

    def count(self, kind: str) -> int:
        return sum(1 for f in self.files if f.kind == kind)
    plans: tuple[PlanFileReview, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "preview_url": self.preview_url,
            "posts": [p.as_dict() for p in self.posts],
            "other_files": list(self.other_files),
            "plans": [p.as_dict() for p in self.plans],
            "approval": {"approved": self.approved, "requirements": list(self.requirements)},
            "changed_files": [f.as_dict() for f in self.files],
            "counts": {"files": len(self.files), "posts": self.count("post"),
                       "attachments": self.count("attachment"), "data": self.count("data"),
                       "not_allowed": sum(1 for f in self.files if f.problem), "other": self.count("other")},
        }


_SYMLINK_MODE = 0o120000


def symlinks_at(repo: Any, sha: str, paths: list[str]) -> frozenset[str]:
    """The paths that are symbolic links in the tree at `sha`."""
    tree = repo.commit(sha).tree
    found = set()
    for path in paths:
        try:
            if (tree / path).mode == _SYMLINK_MODE:
                found.add(path)
        except KeyError:
            continue
    return frozenset(found)


def _is_post(path: str) -> bool:
    return path.startswith("content/") and path.endswith(".md") and path.count("/") >= 2


def changed_posts(changes: list[ChangedPath]) -> tuple[list[ChangedPath], list[str]]:
    posts = [c for c in changes if _is_post(c.path) or (c.old_path and _is_post(c.old_path))]
    others = [c.path for c in changes if c not in posts and not c.path.startswith("content/")]
    return posts, others


def build_review(repo_path: Path, base: str, head: str, *, preview_url: str | None = None) -> Review:
    """Every changed post at head with its findings and the exact caption of each network."""
    repo = open_repo(repo_path)
    base_sha, head_sha = resolve_commit(repo, base), resolve_commit(repo, head)
    changes = diff_name_status(repo, base_sha, head_sha)
    post_changes, others = changed_posts(changes)
    links = symlinks_at(repo, head_sha, [c.path for c in changes if c.status != "D"])
    plan_changes = [c for c in changes if is_plans_path(c.path)]
    post_changes = [c for c in post_changes if c not in plan_changes]
    agencies = sorted({c.path.split("/")[1] for c in post_changes + plan_changes if c.path.count("/") >= 2})
    reports: list[PostReview] = []
    # Posts as the PR has them; the roster and province settings (severities, sensitive words)
    # as main has them, so a PR cannot quieten the checks its own report shows.
    roster = roster_at(repo, base_sha)
    published = {path: base for path, base, _ in changed_post_pairs(repo, base_sha, head_sha)}
    now = now_wib()
    with exported_tree(repo_path, head_sha, [f"content/{a}" for a in agencies]) as tree:
        ctx = Context(tree, roster.province)
        for change in post_changes:
            status = STATUS_LABEL.get(change.status, change.status)
            if change.status == "D" or not _is_post(change.path):
                reports.append(PostReview(change.old_path or change.path, STATUS_LABEL["D"]))
                continue
            post, findings = load_post(tree, change.path, roster)
            captions: list[Caption] = []
            url = preview = diff = ""
            if post is not None:
                findings += check_post_quality(ctx, post)
                base_post = published.get(change.path)
                if base_post is not None and base_post.is_published(now):
                    findings += correction_findings(change.path, base_post, post, now)
                    diff = text_diff(base_post, post) if text_changed(base_post, post) else ""
                captions = [render_caption(post, ch, roster.province.site_url)
                            for ch in post.channels if ch != "website"]
                url = post_url(roster.province.site_url, post)
                preview = post_url(preview_url, post) if preview_url else ""
            findings = sort_findings(apply_severities(findings, roster.province))
            reports.append(PostReview(change.path, status, change.old_path, post, tuple(findings),
                                      tuple(captions), url, preview, diff))
        plans = tuple(_plan_report(tree, change, roster) for change in plan_changes)
    return Review(base_sha, head_sha, tuple(reports), tuple(others), preview_url=preview_url, plans=plans,
                  files=tuple(classify(c, symlink=c.path in links) for c in changes))


def _plan_report(tree: Path, change: ChangedPath, roster: Any) -> PlanFileReview:
    status = STATUS_LABEL.get(change.status, change.status)
    if change.status == "D" or not (tree / change.path).is_file():
        return PlanFileReview(change.path, STATUS_LABEL["D"])
    if PurePosixPath(change.path).suffix.lower() not in (".yml", ".yaml"):
        findings: tuple[Finding, ...] = tuple(f for f in content_file_findings(tree) if f.file == change.path)
        return PlanFileReview(change.path, status, findings=findings)
    items, found = load_plan_file(tree, change.path, roster)
    findings = tuple(sort_findings(apply_severities(found, roster.province)))
    public = sum(1 for i in items if i.public)
    return PlanFileReview(change.path, status, public, len(items) - public, findings)

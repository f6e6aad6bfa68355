"""Corrections: a published post whose title or text changes needs a new `ralat` entry, and
a correction or withdrawal once made stays on the record. Compared against the base of the
pull request (the version the public has seen)."""

from __future__ import annotations

import difflib
from datetime import datetime

from warta import git as wgit
from warta.content.load import post_from_text
from warta.content.models import Post
from warta.findings import Finding, error
from warta.git import diff_name_status, read_text_at

DIFF_LINES = 40  # the report shows the start of the diff; the PR's "Files changed" has all of it


def published_text(post: Post) -> list[str]:
    return [f"# {post.title}", "", *post.body.rstrip("\n").splitlines()]


def text_changed(base: Post, head: Post) -> bool:
    return published_text(base) != published_text(head)


def text_diff(base: Post, head: Post, limit: int = DIFF_LINES) -> str:
    """The published text's change, as a short unified diff."""
    lines = list(difflib.unified_diff(published_text(base), published_text(head), "tayang", "usulan",
                                      n=1, lineterm=""))
    if len(lines) > limit:
        lines = [*lines[:limit], f"… ({len(lines) - limit} baris lagi)"]
    return "\n".join(lines)


def correction_findings(rel: str, base: Post, head: Post, now: datetime) -> list[Finding]:
    """Findings for one post changed from `base` (as published) to `head`."""
    if not base.is_published(now):
        return []  # not yet public: edit freely
    findings: list[Finding] = []
    if len(head.ralat) < len(base.ralat) or not set(base.ralat) <= set(head.ralat):
        findings.append(error(rel, head.line("ralat"), "post-ralat-removed",
                              "Ralat yang sudah tayang tidak boleh dihapus atau diubah. Kembalikan "
                              "entri `ralat` yang lama, lalu tambahkan entri baru di bawahnya."))
    elif text_changed(base, head) and len(head.ralat) == len(base.ralat) and head.dicabut is None:
        findings.append(error(rel, head.line("title") if base.title != head.title else head.body_line,
                              "post-ralat-missing",
                              "Judul atau isi berita yang sudah tayang diubah tanpa ralat. Tambahkan "
                              "`ralat: [{date: ..., note: ...}]` yang menjelaskan apa yang diperbaiki "
                              "(ditampilkan di halaman berita)."))
    if base.dicabut is not None and head.dicabut is None:
        findings.append(error(rel, 1, "post-dicabut-removed",
                              "Berita ini sudah dicabut; `dicabut` tidak boleh dihapus. Untuk "
                              "menerbitkan ulang, buat berita baru."))
    return findings


def changed_post_pairs(repo: wgit.Repo, base_sha: str, head_sha: str) -> list[tuple[str, Post, Post]]:
    """(path, base post, head post) for each post modified or moved between the commits."""
    pairs = []
    for change in diff_name_status(repo, base_sha, head_sha):
        if change.status not in ("M", "R", "T") or not change.path.endswith(".md"):
            continue
        if not change.path.startswith("content/"):
            continue
        old = change.old_path or change.path
        before, after = read_text_at(repo, base_sha, old), read_text_at(repo, head_sha, change.path)
        base = post_from_text(old, before) if before is not None else None
        head = post_from_text(change.path, after) if after is not None else None
        if base is not None and head is not None:
            pairs.append((change.path, base, head))
    return pairs


def corrections_between(repo: wgit.Repo, base_sha: str, head_sha: str, now: datetime) -> list[Finding]:
    return [f for path, base, head in changed_post_pairs(repo, base_sha, head_sha)
            for f in correction_findings(path, base, head, now)]

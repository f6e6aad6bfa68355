"""PR previews: the base branch's site, with only the PR's `content/` laid over it.

A preview runs on untrusted content, so everything except the posts comes from the base commit:
templates (`site_templates/`), `mkdocs.yml`, the roster and (in CI) the installed code. Both
commits are read from git objects (`git archive`), never from a working tree the PR wrote.
The result is published on its own origin (not the public site, not the editor) under
`pr-<number>/`, with `noindex` on every page and a robots.txt that disallows everything.
"""

from __future__ import annotations

import re
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath

import yaml

from warta import git as wgit
from warta.errors import UsageError

# Agency folders are PR-controlled names: plain slugs only.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
ROBOTS = "User-agent: *\nDisallow: /\n"
# Default preview origin: a second repository's GitHub Pages, `<owner>/<repo>-pratinjau`.
PREVIEW_SUFFIX = "-pratinjau"


@dataclass(frozen=True)
class Preview:
    out: Path
    agencies: tuple[str, ...]
    posts: tuple[str, ...]  # changed post paths (content/...) present at head
    skipped: tuple[str, ...]  # touched folders that are not agencies of the base roster


def preview_root(repo: str, number: int, pages_url: str | None = None) -> str:
    """Where PR `number`'s preview lives: `<pages_url or https://<owner>.github.io/<name>-
    pratinjau>/pr-<number>/`."""
    if pages_url is None:
        owner, _, name = repo.partition("/")
        pages_url = f"https://{owner.lower()}.github.io/{name}{PREVIEW_SUFFIX}"
    return f"{pages_url.rstrip('/')}/pr-{number}/"


def post_preview_path(path: str) -> str | None:
    """A post's page below the preview root, as `warta.content.urls.post_url_path` lays it out
    (computed from the path alone: the publish job reads no PR file)."""
    parts = PurePosixPath(path).parts
    if len(parts) < 3 or parts[0] != "content" or not path.endswith(".md") or "_rencana" in parts:
        return None
    inside = PurePosixPath(*parts[2:]).with_suffix("")
    return f"{parts[1]}/berita/{inside.as_posix()}/"


def preview_target(root: str, changed: list[str]) -> str:
    """The link a Kepala PD taps: the first changed post's preview page, else the preview root."""
    for path in changed:
        page = post_preview_path(path)
        if page:
            return root.rstrip("/") + "/" + page
    return root


def _extract(repo: object, sha: str, paths: list[str], into: Path) -> None:
    data = repo.git.archive(sha, "--format=tar", *paths, stdout_as_string=False)  # type: ignore[attr-defined]
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")  # no links out of the tree, no devices


def _has(repo: object, sha: str, path: str) -> bool:
    try:
        repo.commit(sha).tree / path  # type: ignore[attr-defined]
    except KeyError:
        return False
    return True


def overlay_tree(repo_path: Path, base: str, head: str, into: Path) -> tuple[list[str], list[str],
                                                                            list[str]]:
    """Write the base commit's tree to `into`, then replace each touched agency folder under
    `content/` by the head's. Returns (agencies, changed posts at head, skipped folders)."""
    from warta.roster import load_roster

    repo = wgit.open_repo(repo_path)
    base_sha, head_sha = wgit.resolve_commit(repo, base), wgit.resolve_commit(repo, head)
    _extract(repo, base_sha, [], into)
    changes = wgit.diff_name_status(repo, base_sha, head_sha)
    touched = sorted({p.split("/")[1] for c in changes for p in (c.path, c.old_path or "")
                      if p.startswith("content/") and p.count("/") >= 2})
    known = {a.slug for a in load_roster(into).roster}
    agencies = [s for s in touched if _SLUG.match(s) and s in known]
    for slug in agencies:
        shutil.rmtree(into / "content" / slug, ignore_errors=True)
        if _has(repo, head_sha, f"content/{slug}"):
            _extract(repo, head_sha, [f"content/{slug}"], into)
    posts = [c.path for c in changes if c.status != "D" and post_preview_path(c.path)
             and c.path.split("/")[1] in agencies]
    return agencies, posts, [s for s in touched if s not in agencies]


def _point_site_at(root: Path, site_url: str) -> None:
    """Links, canonical URLs and feeds of the preview point at the preview, not the public site."""
    path = root / "roster" / "_province.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    if isinstance(data, dict):
        site = data.get("site")
        data["site"] = {**(site if isinstance(site, dict) else {}), "url": site_url}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def mark_noindex(out: Path) -> int:
    """Add the robots `noindex` meta to every page and a robots.txt that disallows all."""
    count = 0
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        if NOINDEX in text:
            continue
        text, n = re.subn(r"<head(\s[^>]*)?>", lambda m: m.group(0) + NOINDEX, text, count=1,
                          flags=re.I)
        if n:
            page.write_text(text, encoding="utf-8")
            count += 1
    (out / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    return count


def build_preview(repo_path: Path, base: str, head: str, out: Path, *,
                  site_url: str | None = None, jobs: int | None = 1) -> Preview:
    """Build the touched agencies of `base...head` from base's templates and head's content."""
    from warta.site import build_site
    from warta.timeutil import now_wib

    out = out.resolve()
    work = Path(tempfile.mkdtemp(prefix="warta-pratinjau-"))
    try:
        tree = work / "tree"
        tree.mkdir()
        try:
            agencies, posts, skipped = overlay_tree(repo_path, base, head, tree)
        except wgit.GitError as exc:
            raise UsageError(f"Pratinjau tidak dapat disusun: {exc.message}") from None
        out.mkdir(parents=True, exist_ok=True)
        if agencies:
            if site_url:
                _point_site_at(tree, site_url)
            report = build_site(tree, out, agencies=agencies, jobs=jobs, now=now_wib(),
                                cache_dir=work / "cache")
            if not report.ok:
                failed = "; ".join(f"{k}: {v}" for k, v in sorted(report.errors.items()))
                raise UsageError(f"Pratinjau gagal dibangun: {failed}")
        mark_noindex(out)
        return Preview(out, tuple(agencies), tuple(posts), tuple(skipped))
    finally:
        shutil.rmtree(work, ignore_errors=True)

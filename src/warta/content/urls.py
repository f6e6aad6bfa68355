"""Where a post lives on the website: one definition shared by the site, captions and dispatch."""

from __future__ import annotations

from pathlib import PurePosixPath

from warta.content.models import Post


def post_url_path(post: Post) -> str:
    """The post's page below the site root: `<agency>/berita/<path inside the agency folder>/`,
    e.g. `dinas-kesehatan/berita/2026/2026-11-20-posyandu/` (file names are unique, so are URLs)."""
    inside = PurePosixPath(*PurePosixPath(post.path).parts[2:]).with_suffix("")
    return f"{post.agency}/berita/{inside.as_posix()}/"


def post_url(site_url: str, post: Post) -> str:
    return site_url.rstrip("/") + "/" + post_url_path(post)


def media_url(site_url: str, repo_path: str) -> str:
    """Public URL of a file beside the posts, as the site serves it
    (content/<agency>/<inside> -> <agency>/berita/<inside>); the networks fetch images from it."""
    parts = PurePosixPath(repo_path).parts
    return site_url.rstrip("/") + f"/{parts[1]}/berita/" + "/".join(parts[2:])

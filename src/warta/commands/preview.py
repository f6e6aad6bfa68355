"""`warta preview build` and `warta preview status`: the PR preview a Kepala PD opens in one tap."""

from __future__ import annotations

from pathlib import Path

from warta.output import err_console


def build(base: str, head: str, out: Path, repo: Path, site_url: str | None) -> int:
    """Build the touched agencies from base's templates and code with only the PR's content/."""
    from warta.preview import build_preview

    preview = build_preview(repo, base, head, out, site_url=site_url)
    for slug in preview.skipped:
        err_console.print(f"[yellow]Catatan:[/] folder content/{slug}/ bukan perangkat daerah "
                          "di roster main; tidak dipratinjau.")
    if not preview.agencies:
        err_console.print("Tidak ada perangkat daerah yang tersentuh; pratinjau kosong.")
    else:
        err_console.print(f"Pratinjau {', '.join(preview.agencies)} di {preview.out} "
                          f"({len(preview.posts)} berita berubah).")
    return 0


def status(repo: str, number: int | None, head_sha: str | None, pages_url: str | None,
           base_url: str) -> int:
    """Post the `warta/preview` status (link to the changed post) on the PR's head commit."""
    from warta.errors import UsageError
    from warta.gate.github import connect, pulls_for_head, token_from_env
    from warta.gate.github.preview import post_preview_status

    gh = connect(token_from_env(), base_url)
    if number is None and head_sha is None:
        raise UsageError("Isi `--pr NOMOR` atau `--head-sha SHA`.")
    numbers = [number] if number is not None else pulls_for_head(gh, repo, head_sha or "")
    if not numbers:
        print(f"Tidak ada pull request terbuka dengan commit {head_sha}.")
    for n in numbers:
        print(f"#{n}: {post_preview_status(gh, repo, n, pages_url, head_sha)}")
    return 0

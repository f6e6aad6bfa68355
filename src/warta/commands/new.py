from __future__ import annotations

import os
from pathlib import Path

from warta.content.scaffold import post_path, render_post
from warta.errors import UsageError, WartaError
from warta.output import console
from warta.project import find_root
from warta.roster import load_roster
from warta.roster.models import CHANNELS, Agency, Member
from warta.schema import suggest
from warta.timeutil import DateParseError, as_wib, now_wib


def _author(agency: Agency, wanted: str | None) -> Member | None:
    """The named member, the GitHub user running it, the only member, or None (to be filled in)."""
    named = [m for m in agency.team if m.name]
    names = "; ".join(m.name or "" for m in named)
    candidates = [wanted] if wanted else [os.environ.get("GITHUB_ACTOR", "")]
    for candidate in filter(None, candidates):
        member = agency.member(candidate)
        if member is not None:
            return member
    if wanted:
        raise UsageError(f"`{wanted}` tidak ada di tim {agency.name}. Pilih salah satu: {names}.")
    return named[0] if len(named) == 1 else None


def new(*, agency_slug: str, title: str, author: str | None, date: str | None,
        channels: list[str], summary: str, category: str, tags: list[str],
        pr: bool = False, root: Path | None = None, photo: Path | None = None,
        alt: str | None = None) -> int:
    root = root or find_root()
    roster = load_roster(root).roster
    agency = roster.agency(agency_slug)
    if agency is None:
        raise UsageError(f"Perangkat daerah `{agency_slug}` tidak ada di roster."
                         f"{suggest(agency_slug, roster.slugs())}")
    if not title.strip():
        raise UsageError("Judul (--title) tidak boleh kosong.")
    try:
        when = as_wib(date) if date else now_wib().replace(second=0, microsecond=0)
    except DateParseError:
        raise UsageError(f"Tanggal `{date}` tidak dikenali; contoh: 2026-11-20 09:00.") from None
    wanted = channels or ["website"]
    for channel in wanted:
        if channel not in CHANNELS:
            raise UsageError(f"Kanal `{channel}` tidak dikenal.{suggest(channel, list(CHANNELS))}")
        if channel not in agency.enabled_channels():
            raise UsageError(f"{agency.name} belum punya akun `{channel}` di roster.")
    if photo is not None and not photo.is_file():
        raise UsageError(f"Foto `{photo}` tidak ditemukan. Periksa nama dan foldernya.")
    if photo is not None and not (alt or "").strip():
        raise UsageError("Foto perlu teks `alt`: tambahkan --alt \"apa yang terlihat di foto\".")
    member = _author(agency, author)
    rel = post_path(agency, title, when)
    target = root / rel
    if target.exists():
        raise WartaError(f"Berkas {rel} sudah ada. Pakai judul lain atau sunting berkas itu.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_post(title=title.strip(), when=when, author=member, team=agency.team,
                                  channels=wanted, summary=summary, category=category,
                                  tags=tags), encoding="utf-8")
    console.print(f"[green]✓[/] Berita baru: [bold]{rel}[/]")
    extra: tuple[str, ...] = ()
    if photo is not None:  # the same path as `warta media add`: normalised, in git or the store
        from warta.media.add import add_photo
        from warta.media.lock import lock_rel

        added = add_photo(root, roster.province, rel, photo, alt or "")
        extra = (added.repo_path,) if added.key is None else (lock_rel(agency.slug),)
        console.print(f"[green]✓[/] Foto {added.photo.width}×{added.photo.height}, "
                      f"{len(added.photo.data) / 1024:.0f} KB, tanpa data lokasi, ditambahkan ke `media:`.")
    if member is None:
        console.print("[yellow]Isi `author:` dengan nama Anda[/] (atau pakai --author), salah satu dari: "
                      + "; ".join(m.name for m in agency.team if m.name) + ".")
    if pr:
        from warta.commands.propose import propose_post

        return propose_post(root, rel, title=title.strip(), agency=agency, extra=extra)
    console.print("Sunting isinya, lalu periksa dengan: "
                  f"[bold]warta check {rel}[/]")
    return 0

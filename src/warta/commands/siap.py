"""`warta siap`: per agency, what is still missing before it can publish every day."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path

from rich.markup import escape

from warta.content.load import post_from_text, read_text
from warta.errors import UsageError
from warta.http import token_env
from warta.output import console, print_json
from warta.project import find_root
from warta.roster.load import load_roster
from warta.roster.models import Roster
from warta.roster.readiness import Readiness, TokenState, koordinator_step, roster_readiness, social_channels
from warta.schema import suggest
from warta.timeutil import WIB, now_wib

_MARK = {True: "✓", False: "✗"}
_KEPALA = {"kosong": "belum diisi", "tanpa-login": "tanpa login GitHub", "tanpa-id": "id belum tercatat"}


def last_post_dates(root: Path, slugs: Iterable[str], now: datetime) -> dict[str, date | None]:
    """Each agency's latest published post date. Files are read newest name first and only until
    one is published, so this stays cheap beside a full build (`warta build` calls it too)."""
    found: dict[str, date | None] = {}
    for slug in slugs:
        folder = root / "content" / slug
        files = sorted(folder.rglob("*.md"), key=lambda p: p.name, reverse=True) if folder.is_dir() else []
        found[slug] = None
        for path in files:
            try:
                post = post_from_text(path.relative_to(root).as_posix(), read_text(path))
            except (OSError, UnicodeDecodeError):
                continue  # `warta check` reports unreadable posts
            if post is not None and post.is_published(now):
                found[slug] = post.goes_live.astimezone(WIB).date()
                break
    return found


def token_presence(roster: Roster, slugs: Iterable[str],
                   env: Mapping[str, str]) -> dict[str, dict[str, TokenState]]:
    """Whether each `WARTA_TOKEN_<AGENCY>_<CHANNEL>` is set: names only, values never leave `env`."""
    out: dict[str, dict[str, TokenState]] = {}
    for slug in slugs:
        agency = roster.agencies[slug]
        out[slug] = {c: TokenState(token_env(slug, c), bool(env.get(token_env(slug, c))))
                     for c in social_channels(agency)}
    return out


def readiness(root: Path, now: datetime, *, slugs: list[str] | None = None,
              env: Mapping[str, str] | None = None) -> list[Readiness]:
    """Rows for `warta siap` (tokens from `env`) or the site (env None: tokens not checked)."""
    roster = load_roster(root).roster
    chosen = slugs if slugs is not None else roster.slugs()
    tokens = token_presence(roster, chosen, env) if env is not None else None
    return roster_readiness(roster, now, last_post_dates(root, chosen, now), tokens, chosen)


def _line(row: Readiness) -> str:
    kepala = row.kepala
    kepala_text = (f"{escape(kepala.name or '')} (@{kepala.github})" if kepala and row.kepala_state == "lengkap"
                   else _KEPALA[row.kepala_state])
    tokens = ("—" if not row.tokens else
              f"{sum(t.present for t in row.tokens.values())}/{len(row.tokens)}")
    return (f"  Kepala: {kepala_text} · Plt./Plh. aktif: {len(row.delegates)} · "
            f"Tim ber-GitHub: {len(row.team_with_github)}/{row.team_size} · "
            f"Kanal: {', '.join(row.channels)} · Token: {tokens} · "
            f"Berita terakhir: {row.last_post.isoformat() if row.last_post else 'belum ada'}")


def siap(agency: str | None, fmt: str, *, root: Path | None = None,
         env: Mapping[str, str] | None = None) -> int:
    root = root or find_root()
    roster = load_roster(root).roster
    if agency is not None and roster.agency(agency) is None:
        raise UsageError(f"Perangkat daerah `{agency}` tidak ada di roster/.{suggest(agency, roster.slugs())}")
    rows = readiness(root, now_wib(), slugs=[agency] if agency else None,
                     env=os.environ if env is None else env)
    if fmt == "json":
        print_json([row.as_dict() for row in rows])
        return 0
    for row in rows:  # lines rather than a wide table: readable on a phone
        colour = "green" if row.ready else "red"
        console.print(f"[{colour}]{_MARK[row.ready]}[/] [bold]{row.agency}[/] — {escape(row.name)}")
        console.print(_line(row))
        console.print(f"  Peralatan (Pedoman IX): {escape(row.equipment_text)}")
        console.print(f"  Langkah berikut: {escape(row.next_step)}")
    if agency is None:
        mc = koordinator_step(roster.province)
        console.print(f"\n{_MARK[mc is None]} Media Center: {escape(mc or 'Koordinator siap menyetujui.')}")
    console.print(f"\n{sum(r.ready for r in rows)} dari {len(rows)} perangkat daerah siap.")
    return 0

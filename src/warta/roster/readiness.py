"""Readiness (`warta siap`): can each agency write, approve and publish today?

Pure: the roster plus facts gathered at the edge (last post date, which token variables exist)
in, one row per agency out. The rule it reports is the gate's (Pedoman VIII.2): only the Kepala PD
or an active Plt./Plh. approves content, never an admin, so an agency without one cannot publish.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from warta.roster.models import SOCIAL_CHANNELS, Agency, Person, Province, Roster

FORM = "formulir \"Perubahan roster\" di GitHub"


@dataclass(frozen=True)
class TokenState:
    env: str  # the variable's name, never its value
    present: bool


@dataclass(frozen=True)
class Readiness:
    agency: str
    name: str
    ready: bool
    kepala: Person | None
    delegates: tuple[Person, ...]  # active now
    team_with_github: tuple[str, ...]
    team_size: int
    channels: tuple[str, ...]
    tokens: dict[str, TokenState] | None  # None: not checked (e.g. the public site's build)
    last_post: date | None
    next_step: str
    equipment_gaps: tuple[str, ...] | None = None  # Pedoman IX; None: `peralatan` not filled in

    @property
    def equipment_text(self) -> str:
        if self.equipment_gaps is None:
            return "belum diisi"
        return "lengkap" if not self.equipment_gaps else "kurang: " + "; ".join(self.equipment_gaps)

    @property
    def kepala_state(self) -> str:
        """`kosong`, `tanpa-login`, `tanpa-id` or `lengkap`."""
        if self.kepala is None or not (self.kepala.name or self.kepala.github):
            return "kosong"
        if not self.kepala.github:
            return "tanpa-login"
        return "lengkap" if self.kepala.github_id is not None else "tanpa-id"

    def as_dict(self) -> dict[str, Any]:
        """The `warta siap --format json` contract (README, Commands; tests/commands/test_siap.py)."""
        kepala = None if self.kepala is None else {
            "name": self.kepala.name, "github": self.kepala.github,
            "github_id": self.kepala.github_id, "state": self.kepala_state}
        return {
            "agency": self.agency,
            "ready": self.ready,
            "kepala": kepala,
            "delegates": [_delegate_dict(d) for d in self.delegates],
            "team_with_github": list(self.team_with_github),
            "channels": list(self.channels),
            "tokens": None if self.tokens is None else
            {c: {"env": t.env, "present": t.present} for c, t in self.tokens.items()},
            "last_post": self.last_post.isoformat() if self.last_post else None,
            "next_step": self.next_step,
            "peralatan": None if self.equipment_gaps is None else {"kekurangan": list(self.equipment_gaps)},
        }


def _delegate_dict(person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name, "github": person.github, "github_id": person.github_id}
    for key, attr in (("role", "role"), ("from", "start"), ("until", "until")):
        value = getattr(person, attr, None)
        data[key] = value.isoformat() if isinstance(value, date) else value
    return data


def _complete(person: Person | None) -> bool:
    return bool(person and person.github and person.github_id is not None)


def _approver_step(agency: Agency, active: list[Person]) -> str | None:
    """What stands between the agency and an approver the gate accepts; None when one exists."""
    kepala = agency.kepala
    if _complete(kepala) or any(_complete(d) for d in active):
        return None
    command = f"`warta roster set-kepala --agency {agency.slug} --name \"…\" --github LOGIN`"
    if kepala is None or not (kepala.github or kepala.name):
        return (f"Kepala belum diisi, jadi berita {agency.name} belum dapat disetujui (admin tidak "
                f"menyetujui konten, Pedoman VIII.2). Diskominfotik mengisinya: {command}, "
                f"atau ajukan lewat {FORM}.")
    if not kepala.github:
        return (f"Kepala {kepala.name} belum punya login GitHub, jadi berita belum dapat disetujui. "
                f"Diskominfotik mencatatnya: {command}.")
    who = kepala.github
    return (f"Id GitHub @{who} belum tercatat (persetujuan dicocokkan dengan id). Diskominfotik "
            f"menjalankan `warta roster set-kepala --agency {agency.slug} --name \"…\" --github {who}` "
            "dengan GITHUB_TOKEN, atau `warta roster sync-github`.")


def agency_readiness(agency: Agency, now: datetime, last_post: date | None,
                     tokens: dict[str, TokenState] | None) -> Readiness:
    active = [d for d in agency.delegates if d.active_at(now)]
    team = tuple(m.github for m in agency.team if m.github)
    channels = tuple(agency.enabled_channels())
    missing_tokens = [t.env for c, t in (tokens or {}).items() if c in channels and not t.present]
    step = _approver_step(agency, list(active))
    if step is None and not team:
        step = (f"Belum ada anggota Tim Publikasi dengan login GitHub, jadi belum ada yang dapat menulis. "
                f"Isi `github` anggota tim di roster/{agency.slug}.yml, lewat {FORM}.")
    if step is None and missing_tokens:
        step = (f"Token media sosial belum ada: {', '.join(missing_tokens)}. Diskominfotik menyimpannya "
                "sebagai secret di environment `social`.")
    ready = step is None
    if step is None:
        step = ("Siap. Belum ada berita: buat yang pertama dengan "
                f"`warta new --agency {agency.slug} --title \"…\" --pr`." if last_post is None
                else "Siap: berita dapat ditulis, disetujui dan diterbitkan.")
    gaps = agency.equipment_gaps()
    return Readiness(agency.slug, agency.name, ready, agency.kepala, tuple(active), team,
                     len(agency.team), channels, tokens, last_post, step,
                     None if gaps is None else tuple(gaps))


def roster_readiness(roster: Roster, now: datetime, last_posts: Mapping[str, date | None],
                     tokens: Mapping[str, dict[str, TokenState]] | None,
                     slugs: list[str] | None = None) -> list[Readiness]:
    """One row per agency (all, or `slugs`), in roster order."""
    chosen = slugs if slugs is not None else roster.slugs()
    return [agency_readiness(roster.agencies[s], now, last_posts.get(s),
                             None if tokens is None else tokens.get(s, {})) for s in chosen]


def social_channels(agency: Agency) -> list[str]:
    """The networks whose token the agency needs (its enabled accounts besides the website)."""
    return [c for c in SOCIAL_CHANNELS if agency.channels.get(c)]


def koordinator_step(province: Province) -> str | None:
    """What the Media Center lacks to approve `media_center: true` posts; None when ready."""
    person = province.koordinator
    if _complete(person):
        return None
    if person is None or not person.github:
        return ("Koordinator Media Center belum diisi, jadi berita bertanda `media_center: true` "
                "belum dapat disetujui. Diskominfotik mengisi `media_center.koordinator` di "
                "roster/_province.yml.")
    return (f"Id GitHub Koordinator Media Center @{person.github} belum tercatat: jalankan "
            "`warta roster sync-github`.")

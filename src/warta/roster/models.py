"""The roster: who is on each agency's team and who may approve its posts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from warta.channels.networks import NETWORKS
from warta.timeutil import WIB

CHANNELS = ("website", *NETWORKS)
SOCIAL_CHANNELS = NETWORKS
CONTACT_FIELDS = ("logo", "address", "phone", "email", "hours", "maps_url")
KINDS = ("Dinas", "Badan", "Biro", "Sekretariat", "Inspektorat", "Satuan", "Rumah Sakit")

# Pedoman IX's minimum equipment, as roster keys (see warta.roster.equipment).
EQUIPMENT = {
    "laptop": "Laptop untuk penyuntingan (Core i5 atau setara)",
    "kamera": "Kamera DSLR/mirrorless (foto HD, video 4K)",
    "handphone": "Handphone untuk akun media sosial",
    "internet_kantor": "Internet di kantor pada jam dinas",
    "internet_lapangan": "Internet di luar kantor (liputan, siaran langsung)",
}
GOOD_CONDITION = "baik"
# `kurang`: works but below IX's minimum (e.g. no 4K video, slower than Core i5).
EQUIPMENT_CONDITIONS = (GOOD_CONDITION, "kurang", "rusak", "tidak ada")

_DEGREE_TAIL = re.compile(r",.*$")


def bare_name(name: str) -> str:
    """A name without academic degrees or titles, lower-cased, for matching authors."""
    base = _DEGREE_TAIL.sub("", name)
    base = re.sub(r"^(hj?\.|ns\.|dr\.|drs\.|ir\.)\s*", "", base.strip(), flags=re.I)
    return " ".join(base.lower().split())


@dataclass(frozen=True)
class Person:
    name: str | None
    github: str | None = None
    github_id: int | None = None

    def is_account(self, login: str | None, user_id: int | None = None) -> bool:
        """Same GitHub account: by numeric id when both sides know it, else by login."""
        if self.github_id is not None and user_id is not None:
            return self.github_id == user_id
        return bool(self.github and login and self.github.lower() == login.lower())


@dataclass(frozen=True)
class Delegate(Person):
    role: str = "Plt"
    start: date | None = None
    until: date | None = None
    # False when `from` or `until` is missing or not a date: such a delegate is never active
    # (fail closed; the roster validator reports the value as an error with its line).
    window_valid: bool = True

    def active_at(self, when: datetime) -> bool:
        if not self.window_valid:
            return False
        day = when.astimezone(WIB).date()
        if self.start is not None and day < self.start:
            return False
        return not (self.until is not None and day > self.until)


@dataclass(frozen=True)
class NipRecord:
    """A NIP as the public roster keeps it: never the number, only what the decree checks need."""

    hmac: str  # HMAC-SHA256 of the 18 digits under Diskominfotik's key (hex)
    masked: str  # "1988…2001": first and last 4 digits
    problems: tuple[str, ...] = ()  # nip-* codes found at import time
    key: str = ""  # fingerprint of the key that made `hmac`


@dataclass(frozen=True)
class Member:
    name: str | None
    jabatan: str | None = None
    nip: NipRecord | None = None
    github: str | None = None
    status: str | None = None

    def matches(self, author: str) -> bool:
        if self.github and author.lstrip("@").lower() == self.github.lower():
            return True
        if not self.name:
            return False
        return author.strip() == self.name.strip() or bare_name(author) == bare_name(self.name)


@dataclass(frozen=True)
class Equipment:
    key: str  # an EQUIPMENT key, or "lainnya"
    label: str
    condition: str
    count: int | None = None
    note: str = ""

    @property
    def is_gap(self) -> bool:
        return self.condition != GOOD_CONDITION or self.count == 0


@dataclass(frozen=True)
class Agency:
    slug: str
    name: str
    short_name: str = ""
    kind: str = "Dinas"
    description: str = ""
    kepala: Person | None = None
    delegates: tuple[Delegate, ...] = ()
    team: tuple[Member, ...] = ()
    channels: dict[str, Any] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()  # `kata_kunci`: what wider listening searches for
    peralatan: tuple[Equipment, ...] | None = None  # None: not filled in (unknown, never a gap)
    contact: dict[str, str] = field(default_factory=dict)  # CONTACT_FIELDS that are filled in
    domain: str = ""  # roster `site: {domain: ...}`: the agency's own host name, if any

    def equipment_gaps(self) -> list[str] | None:
        """IX's items missing, broken or below minimum ("Kamera …: rusak"); None when unknown."""
        if self.peralatan is None:
            return None
        have = {e.key for e in self.peralatan}
        gaps = [f"{e.label}: {e.condition or 'kondisi belum diisi'}" for e in self.peralatan
                if e.key in EQUIPMENT and e.is_gap]
        gaps += [f"{label}: belum dicatat" for key, label in EQUIPMENT.items() if key not in have]
        return gaps

    def approvers_at(self, when: datetime) -> list[Person]:
        """The kepala and every delegate whose window covers `when`."""
        people: list[Person] = [self.kepala] if self.kepala and self.kepala.github else []
        people += [d for d in self.delegates if d.github and d.active_at(when)]
        return people

    def member(self, author: str) -> Member | None:
        return next((m for m in self.team if m.matches(author)), None)

    def enabled_channels(self) -> list[str]:
        return [c for c in CHANNELS if self.channels.get(c)]

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Province:
    site_title: str = "Warta"
    site_url: str = "http://localhost:8000/"
    site_description: str = ""
    github_org: str | None = None
    admin_team: str | None = None
    admins: tuple[Person, ...] = ()
    koordinator: Person | None = None
    media_center_channels: dict[str, Any] = field(default_factory=dict)
    sensitive_words: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)
    media_store: dict[str, Any] = field(default_factory=dict)  # warta.media.store.store_config


@dataclass(frozen=True)
class Roster:
    province: Province
    agencies: dict[str, Agency]

    def agency(self, slug: str) -> Agency | None:
        return self.agencies.get(slug)

    def slugs(self) -> list[str]:
        return sorted(self.agencies)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.agencies[s] for s in self.slugs())

    def __len__(self) -> int:
        return len(self.agencies)

"""Plans and coverage (Pedoman VII.1, VII.2, VIII.1): `content/<agency>/_rencana/<yyyy>-<mm>.yml`.

One file per agency and month, a list of plan items under `rencana:`. Each item has a stable
id: its explicit `id:` when given, else `<yyyy>-<mm>#<n>` (its 1-based place in the file), so a
post's `rencana:` front-matter key can point at it. Only items with `publik: true` ever reach
the public site (Agenda page, agenda.ics); `public_items()` is the one door to the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.content.files import PLANS_DIR
from warta.findings import Finding, error, warning
from warta.roster.models import CHANNELS, Agency, Roster
from warta.schema import Field, check_mapping, suggest
from warta.timeutil import WIB, DateParseError, as_wib
from warta.yamlsrc import YamlDoc, YamlSyntaxError, parse_yaml

PLAN_NAME = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\.ya?ml$")
KINDS = ("liputan", "konten", "siaran pers", "siaran langsung")
STATUSES = ("direncanakan", "diliput", "terbit", "batal")
ITEM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ITEM = {
    "id": Field("str", hint="Huruf kecil, angka dan tanda hubung, misalnya `posyandu-serentak`."),
    "waktu": Field("datetime", required=True),
    "selesai": Field("datetime"),
    "judul": Field("str", required=True),
    "jenis": Field("str", required=True, hint=f"Pilihan: {', '.join(KINDS)}."),
    "tema": Field("str"),
    "tujuan": Field("str"),
    "tempat": Field("str"),
    "tim": Field("list[str]", hint="Contoh: `tim: [Heru Siswanto]` (nama sesuai roster)."),
    "kanal": Field("list[str]", hint="Contoh: `kanal: [website, instagram]`."),
    "publik": Field("bool"),
    "status": Field("str", required=True, hint=f"Pilihan: {', '.join(STATUSES)}."),
    "berita": Field("str", nullable=True, hint="Jalur berita yang mewujudkannya, "
                    "misalnya `content/bpbd/2026/2026-11-03-apel.md`."),
    "catatan": Field("str", nullable=True),
}
SCHEMA = {
    "bulan": Field("str", hint="Tahun dan bulan berkas ini, misalnya `\"2026-11\"`."),  # the editor's entry name
    "rencana": Field("list", required=True, items=Field("mapping", fields=ITEM)),
}


@dataclass(frozen=True)
class PlanItem:
    id: str
    agency: str
    file: str
    line: int
    start: datetime
    end: datetime | None
    title: str
    kind: str
    status: str
    public: bool = False
    tema: str = ""
    tujuan: str = ""
    place: str = ""
    team: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    post: str | None = None  # repository path of the post that realised it
    note: str = ""
    status_line: int = 0

    @property
    def month(self) -> str:
        return self.file.rsplit("/", 1)[-1][:7]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "agency": self.agency, "file": self.file, "line": self.line,
                "waktu": self.start.isoformat(), "selesai": self.end.isoformat() if self.end else None,
                "judul": self.title, "jenis": self.kind, "status": self.status, "publik": self.public,
                "tema": self.tema or None, "tujuan": self.tujuan or None, "tempat": self.place or None,
                "tim": list(self.team), "kanal": list(self.channels), "berita": self.post,
                "catatan": self.note or None}


@dataclass(frozen=True)
class Plans:
    items: tuple[PlanItem, ...] = ()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def for_agency(self, slug: str) -> Plans:
        return Plans(tuple(i for i in self.items if i.agency == slug))

    def in_month(self, month: str) -> Plans:
        return Plans(tuple(i for i in self.items if i.month == month))

    def ids(self, slug: str) -> set[str]:
        return {i.id for i in self.items if i.agency == slug}


def public_items(plans: Plans) -> list[PlanItem]:
    """What the public site may show: `publik: true` only, by time."""
    return sorted((i for i in plans if i.public), key=lambda i: (i.start, i.id))


def plan_files(root: Path, slugs: Iterable[str] | None = None) -> list[str]:
    content = root / "content"
    folders = [content / s for s in slugs] if slugs is not None else sorted(
        p for p in content.iterdir() if p.is_dir() and not p.name.startswith(".")) if content.is_dir() else []
    found = []
    for folder in folders:
        plans_dir = folder / PLANS_DIR
        if plans_dir.is_dir() and not plans_dir.is_symlink():
            found += [f"content/{folder.name}/{PLANS_DIR}/{p.name}" for p in sorted(plans_dir.iterdir())
                      if p.suffix in (".yml", ".yaml") and p.is_file() and not p.is_symlink()]
    return found


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class _FileCheck:
    def __init__(self, root: Path, rel: str, doc: YamlDoc, agency: Agency | None) -> None:
        self.root, self.rel, self.doc, self.agency = root, rel, doc, agency
        self.findings: list[Finding] = []
        match = PLAN_NAME.match(rel.rsplit("/", 1)[-1])
        self.month = f"{match.group(1)}-{match.group(2)}" if match else None

    def err(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        self.findings.append(error(self.rel, self.doc.line(*path), code, message))

    def item(self, index: int, data: dict[str, Any]) -> PlanItem | None:
        at: tuple[str | int, ...] = ("rencana", index)
        kind, status = data.get("jenis"), data.get("status")
        if isinstance(kind, str) and kind not in KINDS:
            self.err((*at, "jenis"), "rencana-kind",
                     f"Jenis `{kind}` tidak dikenal.{suggest(kind, list(KINDS))} Pilihan: {', '.join(KINDS)}.")
        if isinstance(status, str) and status not in STATUSES:
            self.err((*at, "status"), "rencana-status",
                     f"Status `{status}` tidak dikenal.{suggest(status, list(STATUSES))} "
                     f"Pilihan: {', '.join(STATUSES)}.")
        team = [t for t in data.get("tim") or [] if isinstance(t, str)] if isinstance(data.get("tim"), list) else []
        if self.agency is not None:
            names = "; ".join(m.name for m in self.agency.team if m.name)
            for pos, who in enumerate(team):
                if self.agency.member(who) is None:
                    self.err((*at, "tim", pos), "rencana-team-unknown",
                             f"`{who}` tidak ada di tim {self.agency.name} (roster/{self.agency.slug}.yml). "
                             f"Pilih dari: {names or '(tim belum diisi)'}.")
        channels = [c for c in data.get("kanal") or [] if isinstance(c, str)] \
            if isinstance(data.get("kanal"), list) else []
        for pos, channel in enumerate(channels):
            if channel not in CHANNELS:
                self.err((*at, "kanal", pos), "rencana-channel",
                         f"Kanal `{channel}` tidak dikenal.{suggest(channel, list(CHANNELS))} "
                         f"Pilihan: {', '.join(CHANNELS)}.")
        post = _text(data.get("berita")) or None
        agency_dir = "/".join(self.rel.split("/")[:2])
        if post is not None and (not post.startswith(agency_dir + "/") or not post.endswith(".md")
                                 or ".." in post.split("/") or not (self.root / post).is_file()):
            self.err((*at, "berita"), "rencana-post-missing",
                     f"Berita `{post}` tidak ditemukan di `{agency_dir}/`. Tulis jalur lengkap berita "
                     f"yang mewujudkan rencana ini, misalnya `{agency_dir}/2026/2026-11-03-judul.md`.")
        explicit = _text(data.get("id"))
        if explicit and not ITEM_ID.match(explicit):
            self.err((*at, "id"), "rencana-id",
                     f"`id: {explicit}` hanya boleh huruf kecil, angka dan tanda hubung.")
        try:
            start = as_wib(data.get("waktu")).astimezone(WIB)
            end = as_wib(data["selesai"]).astimezone(WIB) if data.get("selesai") is not None else None
        except DateParseError:
            return None  # the schema finding says how to write it
        if self.month and start.strftime("%Y-%m") != self.month:
            self.err((*at, "waktu"), "rencana-month",
                     f"`waktu` {start:%Y-%m-%d} tidak berada di bulan {self.month} (nama berkas). "
                     f"Pindahkan butir ini ke `_rencana/{start:%Y-%m}.yml` atau perbaiki tanggalnya.")
        if end is not None and end < start:
            self.err((*at, "selesai"), "rencana-end-before-start",
                     f"`selesai` ({end:%Y-%m-%d %H:%M}) lebih awal dari `waktu` ({start:%Y-%m-%d %H:%M}).")
        month = self.month or start.strftime("%Y-%m")
        return PlanItem(
            id=explicit or f"{month}#{index + 1}", agency=self.rel.split("/")[1], file=self.rel,
            line=self.doc.line(*at), start=start, end=end, title=_text(data.get("judul")),
            kind=kind if isinstance(kind, str) else "", status=status if isinstance(status, str) else "",
            public=data.get("publik") is True, tema=_text(data.get("tema")), tujuan=_text(data.get("tujuan")),
            place=_text(data.get("tempat")), team=tuple(team), channels=tuple(channels), post=post,
            note=_text(data.get("catatan")), status_line=self.doc.line(*at, "status"))


def load_plan_file(root: Path, rel: str, roster: Roster) -> tuple[list[PlanItem], list[Finding]]:
    name = rel.rsplit("/", 1)[-1]
    findings: list[Finding] = []
    if not PLAN_NAME.match(name):
        findings.append(error(rel, 1, "rencana-file-name",
                              f"Nama berkas rencana `{name}` harus `<TTTT>-<BB>.yml`, misalnya `2026-11.yml`."))
    try:
        text = (root / rel).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        doc = parse_yaml(text)
    except UnicodeDecodeError:
        return [], [*findings, error(rel, 1, "rencana-yaml", "Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8.")]
    except OSError as exc:
        return [], [*findings, error(rel, 1, "rencana-yaml", f"Berkas tidak dapat dibaca: {exc}.")]
    except YamlSyntaxError as exc:
        return [], [*findings, error(rel, exc.line, "rencana-yaml",
                                     f"Format YAML rusak: {exc.problem}. Periksa indentasi, titik dua dan "
                                     "tanda kutip di sekitar baris ini.")]
    findings += check_mapping(doc, rel, SCHEMA, code_prefix="rencana", what="rencana")
    data = doc.data if isinstance(doc.data, dict) else {}
    raw = data.get("rencana")
    check = _FileCheck(root, rel, doc, roster.agency(rel.split("/")[1]))
    declared = data.get("bulan")
    if isinstance(declared, str) and check.month and declared.strip() != check.month:
        findings.append(error(rel, doc.line("bulan"), "rencana-month",
                              f"`bulan: {declared}` berbeda dengan nama berkas ({check.month}). Samakan keduanya."))
    items = []
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(entry, dict):
            item = check.item(index, entry)
            if item is not None:
                items.append(item)
    return items, findings + check.findings


def load_plans(root: Path, roster: Roster, slugs: Iterable[str] | None = None) -> tuple[Plans, list[Finding]]:
    """Every plan item (of `slugs`, or all agencies) and the findings of their files."""
    items: list[PlanItem] = []
    findings: list[Finding] = []
    seen: dict[tuple[str, str], PlanItem] = {}
    for rel in plan_files(root, slugs):
        loaded, file_findings = load_plan_file(root, rel, roster)
        findings += file_findings
        for item in loaded:
            first = seen.get((item.agency, item.id))
            if first is not None:
                findings.append(error(item.file, item.line, "rencana-duplicate-id",
                                      f"Id rencana `{item.id}` sudah dipakai di {first.file}:{first.line}. "
                                      "Beri setiap butir `id` yang berbeda."))
                continue
            seen[(item.agency, item.id)] = item
            items.append(item)
    return Plans(tuple(items)), findings


def post_plan_findings(posts: Iterable[Any], plans: Plans) -> list[Finding]:
    """`post-rencana-unknown` for a post whose `rencana:` names no plan item of its agency;
    `rencana-post-needed` for a published item no post realises."""
    findings = []
    posts = list(posts)
    referenced = {(p.agency, p.rencana) for p in posts if getattr(p, "rencana", "")}
    for item in plans:
        if item.status == "terbit" and item.post is None and (item.agency, item.id) not in referenced:
            findings.append(warning(item.file, item.status_line, "rencana-post-needed",
                                    "Status `terbit` tetapi belum ada berita yang mewujudkannya. Isi `berita:` "
                                    f"dengan jalur beritanya, atau tulis `rencana: {item.id}` di berita itu."))
    for post in posts:
        ref = getattr(post, "rencana", "")
        if ref and ref not in plans.ids(post.agency):
            known = sorted(plans.ids(post.agency))
            findings.append(error(post.path, post.line("rencana"), "post-rencana-unknown",
                                  f"Rencana `{ref}` tidak ada di content/{post.agency}/{PLANS_DIR}/."
                                  f"{suggest(ref, known)} Tulis id butir rencana (misalnya `2026-11#2` "
                                  "atau `id` butirnya), atau hapus `rencana:`."))
    return findings


def realised(item: PlanItem, published: set[str], referenced: set[tuple[str, str]]) -> bool:
    """Realised: status `terbit`, or a published post realises it (named by the item or naming it)."""
    return (item.status == "terbit" or (item.post is not None and item.post in published)
            or (item.agency, item.id) in referenced)

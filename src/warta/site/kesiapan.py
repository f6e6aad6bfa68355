"""The portal's Kesiapan page: which agencies can write, approve and publish, always built.

Rows arrive as plain data (`Readiness.as_dict()`) from the command layer, so the site imports
no later stage. Token presence is left out on purpose: the public site says nothing about the
province's secrets, and the build job holds none of them anyway."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from warta.site.pages import GeneratedPage
from warta.site.text import esc

KESIAPAN_PATH = "kesiapan.md"
_KEPALA = {"kosong": "belum diisi", "tanpa-login": "belum ada login GitHub",
           "tanpa-id": "id GitHub belum tercatat"}


def _cell(text: str) -> str:
    """Escaped for a Markdown table cell; `code` spans are left to Markdown, which escapes them."""
    parts = text.replace("\n", " ").split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans at all
        parts = [text.replace("\n", " ")]
    return "`".join(esc(p) if i % 2 == 0 else p for i, p in enumerate(parts)).replace("|", "\\|")


def _kepala(kepala: Mapping[str, Any] | None) -> str:
    if not kepala:
        return "belum diisi"
    state = str(kepala.get("state") or "lengkap")
    return f"✓ {kepala.get('name') or ''}" if state == "lengkap" else _KEPALA.get(state, state)


def _equipment(value: Any) -> str:
    if not isinstance(value, Mapping):
        return "belum diisi"
    gaps = [str(g) for g in value.get("kekurangan") or []]
    return "; ".join(gaps) if gaps else "✓ lengkap"


def kesiapan_page(rows: Sequence[Mapping[str, Any]], names: Mapping[str, str]) -> GeneratedPage:
    """A Markdown page (the portal key hashes the body, so a changed row rebuilds it)."""
    ready = sum(bool(r.get("ready")) for r in rows)
    out = ["# Kesiapan Perangkat Daerah", "",
           "Berita perangkat daerah disetujui oleh Kepala PD atau Plt./Plh. yang sedang bertugas "
           "(Pedoman VIII.2); admin Diskominfotik tidak menyetujui konten. Tanpa kepala, berita "
           "perangkat daerah itu belum dapat disetujui: Diskominfotik mengisinya di roster.", "",
           f"**{ready} dari {len(rows)} perangkat daerah siap.**", "",
           "| Perangkat daerah | Siap | Kepala | Plt./Plh. aktif | Tim ber-GitHub | Kanal | Berita terakhir "
           "| Peralatan (Pedoman IX) | Langkah berikut |",
           "| --- | :---: | --- | ---: | ---: | --- | --- | --- | --- |"]
    for r in rows:
        slug = str(r["agency"])
        out.append(
            f"| {_cell(names.get(slug, slug))} | {'✓' if r.get('ready') else '✗'} | {_cell(_kepala(r.get('kepala')))} "
            f"| {len(r.get('delegates') or [])} | {len(r.get('team_with_github') or [])} "
            f"| {_cell(', '.join(r.get('channels') or []))} | {_cell(str(r.get('last_post') or 'belum ada'))} "
            f"| {_cell(_equipment(r.get('peralatan')))} | {_cell(str(r.get('next_step') or ''))} |")
    return GeneratedPage(KESIAPAN_PATH, {"title": "Kesiapan", "description": esc(
        "Kesiapan setiap perangkat daerah untuk menulis, menyetujui dan menerbitkan berita.")},
                         body="\n".join(out) + "\n")

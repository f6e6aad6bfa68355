"""Editor fields for each front-matter key: one builder per key of FRONT_MATTER."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warta.channels.networks import LABELS
from warta.content.load import FRONT_MATTER
from warta.roster.models import SOCIAL_CHANNELS, Agency

Widget = dict[str, Any]
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"  # naive, read as WIB: the same shape `warta new` writes
CHANNEL_LABELS = {**LABELS, "x": "X (Twitter)"}  # the editor adds the old name staff still know


def _datetime(label: str, hint: str, **extra: Any) -> Widget:
    return {"label": label, "widget": "datetime", "format": DATETIME_FORMAT,
            "date_format": "DD-MM-YYYY", "time_format": "HH:mm", "picker_utc": False,
            "hint": hint, **extra}


def _author(agency: Agency) -> Widget:
    names = [m.name for m in agency.team if m.name]
    hint = f"Nama Anda sesuai roster {agency.label}."
    if not names:  # a team of vacancies: free text, `warta check` reports the mismatch
        return {"label": "Penulis", "widget": "string", "hint": hint}
    return {"label": "Penulis", "widget": "select", "options": names, "hint": hint}


def _channels(agency: Agency) -> Widget:
    enabled = agency.enabled_channels() or ["website"]
    return {"label": "Kanal", "widget": "select", "multiple": True, "min": 1,
            "options": [{"label": CHANNEL_LABELS[c], "value": c} for c in enabled],
            "default": ["website"] if "website" in enabled else enabled[:1],
            "hint": "Kanal yang terdaftar untuk perangkat daerah ini di roster."}


def _media(agency: Agency) -> Widget:
    return {"label": "Foto", "label_singular": "foto", "widget": "list", "collapsed": False,
            "summary": "{{fields.alt}}",
            "fields": [
                {"label": "Berkas foto", "name": "file", "widget": "image", "choose_url": False,
                 "hint": "Foto dari kamera ponsel; diperkecil otomatis (maks. 2560 piksel, 1 MB, "
                         "tanpa data lokasi) sebelum dikirim. Sisi panjang minimal 1280 piksel."},
                {"label": "Teks alternatif", "name": "alt", "widget": "string", "required": True,
                 "hint": "Jelaskan apa yang terlihat di foto, untuk pembaca tunanetra."},
                {"label": "Kredit", "name": "credit", "widget": "string", "required": False,
                 "hint": "Mis. Tim Publikasi " + agency.label},
            ]}


def _captions(agency: Agency) -> Widget:
    social = [c for c in agency.enabled_channels() if c in SOCIAL_CHANNELS]
    label = "Teks khusus per media sosial"
    if not social:  # an object without fields is rejected; hidden keeps an existing value intact
        return {"label": label, "widget": "hidden"}
    return {"label": label, "widget": "object", "collapsed": True,
            "hint": "Kosongkan agar Warta menyusun teks dari judul, ringkasan, tautan dan tagar.",
            "fields": [{"label": CHANNEL_LABELS[c], "name": c, "widget": "text", "required": False}
                       for c in social]}


BUILDERS: dict[str, Callable[[Agency], Widget]] = {
    "title": lambda a: {"label": "Judul", "widget": "string"},
    "date": lambda a: _datetime("Tanggal dan jam (WIB)", "Waktu kegiatan/berita, WIB.",
                                default="{{now}}"),
    "author": _author,
    "summary": lambda a: {"label": "Ringkasan", "widget": "text",
                          "hint": "Satu kalimat; tampil di hasil pencarian dan media sosial."},
    "category": lambda a: {"label": "Kategori", "widget": "string", "default": "Berita"},
    "tags": lambda a: {"label": "Tag", "widget": "list", "default": [],
                       "hint": "Pisahkan dengan koma, mis. posyandu, imunisasi."},
    "channels": _channels,
    "publish_at": lambda a: _datetime("Jadwal terbit (WIB)",
                                      "Kosongkan untuk terbit segera setelah disetujui."),
    "media": _media,
    "video": lambda a: {"label": "Video", "widget": "file", "choose_url": True,
                        "hint": "Tautan video (https://…) atau berkas pendek. Video besar: unggah "
                                "ke YouTube lalu tempel tautannya."},
    "captions": _captions,
    "media_center": lambda a: {"label": "Usulkan ke Media Center provinsi", "widget": "boolean",
                               "default": False,
                               "hint": "Perlu persetujuan Koordinator Media Center juga."},
    "draft": lambda a: {"label": "Masih draf (jangan terbitkan)", "widget": "boolean",
                        "default": False},
    "id": lambda a: {"label": "ID tetap", "widget": "hidden"},
    "tema": lambda a: {"label": "Tema", "widget": "string", "hint": "Tema publikasi (Pedoman VIII.1)."},
    "tujuan": lambda a: {"label": "Tujuan", "widget": "string",
                         "hint": "Apa yang ingin dicapai dari publikasi ini (Pedoman VIII.1)."},
    "rencana": lambda a: {"label": "Butir rencana", "widget": "string",
                          "hint": "Id butir rencana yang diwujudkan berita ini, mis. 2026-11#2 (lihat Rencana)."},
    "ralat": lambda a: {"label": "Ralat", "label_singular": "ralat", "widget": "list", "collapsed": True,
                        "hint": "Wajib saat mengubah judul atau isi berita yang sudah tayang: satu entri "
                                "per perubahan. Entri lama jangan dihapus.",
                        "fields": [{"name": "date", **_datetime("Tanggal ralat (WIB)", "", required=True)},
                                   {"label": "Apa yang diperbaiki", "name": "note", "widget": "text",
                                    "required": True}]},
    # Withdrawal is rare and final: written in the file (see docs/panduan.md); the editor keeps
    # an existing value intact (an empty object form would save `dicabut: {}`).
    "dicabut": lambda a: {"label": "Dicabut", "widget": "hidden"},
}
ALWAYS_REQUIRED = {"author"}  # optional in the schema (a warning), but the editor insists


def post_fields(agency: Agency) -> list[Widget]:
    """Editor fields for one agency, in FRONT_MATTER order, then the body."""
    fields: list[Widget] = []
    for key, spec in FRONT_MATTER.items():
        builder = BUILDERS.get(key)
        if builder is None:
            continue  # tests/admin/test_config.py fails for an uncovered key
        widget = {"name": key, **builder(agency)}
        if widget["widget"] != "hidden":  # Sveltia warns about `required` on a hidden field
            widget.setdefault("required", spec.required or key in ALWAYS_REQUIRED)
        fields.append(widget)
    fields.append({"label": "Isi berita", "name": "body", "widget": "markdown",
                   "hint": "Paragraf pertama menjawab apa, siapa, kapan dan di mana."})
    return fields

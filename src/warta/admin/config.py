"""The editor's config.yml (Sveltia CMS reads Decap's format), generated from the roster and FRONT_MATTER."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from warta.admin.fields import post_fields
from warta.channels.limits import PHOTO_MAX_BYTES
from warta.errors import UsageError
from warta.roster.models import Agency, Roster

# `local` writes the same file: Sveltia offers "Work with Local Repository" (a folder opened
# through the browser's File System Access API) on localhost with any backend, no server needed.
BACKENDS = ("github", "local")
# The narrowest GitHub OAuth scope that can open pull requests: `public_repo` for the public
# repository Warta is designed for; `repo` (every private repository of the user!) only when needed.
AUTH_SCOPES = ("public_repo", "repo")
DEFAULT_REPO_NAME = "warta"
PREVIEW_CONTEXT = "warta/preview"  # the PR workflow's commit status carrying the preview build URL
# Decap's {{year}}/{{month}}/{{day}} are UTC (a post dated 06:00 WIB would be named after the
# day before), and it strips quotes from `path`, so filters only work in `slug`: the slug
# formats the date as written (naive = WIB, like `warta new`); only the year folder uses
# {{year}}, which differs solely on 1 January before 07:00 WIB (a warning, not an error).
ENTRY_SLUG = "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}"
ENTRY_PATH = "{{year}}/{{slug}}"
# A photo is shrunk on the phone before it reaches the editor (static/shrink.js: <= 2560 px, JPEG,
# no EXIF, <= 1 MB); the media library refuses anything still over 1 MB instead of sending it.
# Sveltia's own `transformations` are not used: they only write WebP (refused by Instagram and
# Facebook) and fetch the WebP encoder from a CDN.
MEDIA_LIBRARY = {"default": {"config": {"max_file_size": PHOTO_MAX_BYTES, "slugify_filename": True}}}


@dataclass(frozen=True)
class BackendOptions:
    kind: str = "github"
    repo: str | None = None  # owner/name; default <github.org>/warta
    branch: str = "main"
    auth_url: str | None = None  # base_url of the OAuth token-exchange endpoint
    auth_scope: str = "public_repo"

    @classmethod
    def from_env(cls, kind: str = "github", **overrides: Any) -> BackendOptions:
        """Options from WARTA_CMS_REPO / _BRANCH / _AUTH_URL / _AUTH_SCOPE, then overrides."""
        values: dict[str, Any] = {"kind": kind}
        for key, env in (("repo", "WARTA_CMS_REPO"), ("branch", "WARTA_CMS_BRANCH"),
                         ("auth_url", "WARTA_CMS_AUTH_URL"),
                         ("auth_scope", "WARTA_CMS_AUTH_SCOPE")):
            if os.environ.get(env):
                values[key] = os.environ[env]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _repo(roster: Roster, options: BackendOptions) -> str:
    if options.repo and "/" in options.repo:
        return options.repo
    org = roster.province.github_org
    if not org:
        raise UsageError("`github.org` belum diisi di roster/_province.yml; isi, atau berikan "
                         "repositori lengkap dengan `--repo pemilik/nama`.")
    return f"{org}/{options.repo or DEFAULT_REPO_NAME}"


def _backend(roster: Roster, options: BackendOptions) -> dict[str, Any]:
    if options.auth_scope not in AUTH_SCOPES:
        raise UsageError(f"Cakupan izin GitHub `{options.auth_scope}` tidak dikenal. Pilihan: "
                         f"{', '.join(AUTH_SCOPES)} (`repo` hanya untuk repositori privat).")
    backend: dict[str, Any] = {
        "name": "github",
        "repo": _repo(roster, options),
        "branch": options.branch,
        "auth_scope": options.auth_scope,
        "preview_context": PREVIEW_CONTEXT,
        "squash_merges": True,
        "commit_messages": {
            "create": "{{collection}} baru: {{slug}}",
            "update": "Perbarui {{collection}}: {{slug}}",
            "delete": "Hapus {{collection}}: {{slug}}",
            "uploadMedia": "Unggah {{path}}",
            "deleteMedia": "Hapus {{path}}",
            "openAuthoring": "{{message}}",
        },
    }
    if options.auth_url:
        backend["base_url"] = options.auth_url.rstrip("/")
        backend["auth_endpoint"] = "auth"
    return backend


def collection(agency: Agency) -> dict[str, Any]:
    """One folder collection: content/<slug>/<yyyy>/<yyyy-mm-dd>-<slug>.md, media beside it."""
    return {
        "name": agency.slug,
        "label": agency.name,
        "label_singular": f"Berita {agency.label}",
        "description": f"Berita {agency.name}. Simpan, lalu ubah status ke \"Siap\"; "
                       "Kepala PD menyetujui dan menggabungkan pull request di GitHub.",
        "folder": f"content/{agency.slug}",
        "path": ENTRY_PATH,
        "slug": ENTRY_SLUG,
        "create": True,
        "delete": False,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "title",
        "summary": "{{title}} ({{fields.date | date('DD-MM-YYYY')}})",
        "sortable_fields": ["date", "title"],
        # relative to the post: content/<slug>/<yyyy>/media, written as `media/<file>`
        "media_folder": "../media",  # Sveltia: relative to <year>/<slug>, i.e. <year>/media
        "public_folder": "media",
        "fields": post_fields(agency),
    }


def build_config(roster: Roster, options: BackendOptions | None = None) -> dict[str, Any]:
    """The whole config.yml as data; one collection per roster agency."""
    options = options or BackendOptions()
    if options.kind not in BACKENDS:
        raise UsageError(f"Backend `{options.kind}` tidak dikenal. Pilihan: {', '.join(BACKENDS)}.")
    province = roster.province
    return {
        "backend": _backend(roster, options),
        "publish_mode": "editorial_workflow",
        "site_url": province.site_url,
        "display_url": province.site_url,
        "media_folder": "content/_unggahan",  # required by the format; posts use their own media/
        "public_folder": "/_unggahan",
        "media_libraries": MEDIA_LIBRARY,
        "output": {"omit_empty_optional_fields": True},  # no `publish_at: ''` for `warta check` to reject
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        "collections": [collection(agency) for agency in roster] + plan_collections(roster),
    }


def plan_collections(roster: Roster) -> list[dict[str, Any]]:
    """One collection per agency for its plans, `content/<slug>/_rencana/<yyyy>-<mm>.yml`
    (warta.content.plans), after all the post collections; `warta check` validates what is saved."""
    from warta.admin.fields import CHANNEL_LABELS, DATETIME_FORMAT
    from warta.content.plans import KINDS, STATUSES

    def when(label: str, required: bool) -> dict[str, Any]:
        return {"label": label, "widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD-MM-YYYY",
                "time_format": "HH:mm", "picker_utc": False, "required": required}

    out = []
    for agency in roster:
        names = [m.name for m in agency.team if m.name]
        item = [
            {"name": "id", "label": "Id (boleh kosong)", "widget": "string", "required": False,
             "hint": "Huruf kecil dan tanda hubung; kosong: id menjadi <bulan>#<urutan>."},
            {"name": "waktu", **when("Waktu (WIB)", True)},
            {"name": "selesai", **when("Selesai (WIB)", False)},
            {"name": "judul", "label": "Judul", "widget": "string"},
            {"name": "jenis", "label": "Jenis", "widget": "select", "options": list(KINDS)},
            {"name": "tema", "label": "Tema", "widget": "string", "required": False},
            {"name": "tujuan", "label": "Tujuan", "widget": "string", "required": False},
            {"name": "tempat", "label": "Tempat", "widget": "string", "required": False},
            {"name": "tim", "label": "Tim", "widget": "select", "multiple": True, "required": False,
             "options": names} if names else
            {"name": "tim", "label": "Tim", "widget": "list", "required": False},
            {"name": "kanal", "label": "Kanal", "widget": "select", "multiple": True, "required": False,
             "options": [{"label": CHANNEL_LABELS[c], "value": c} for c in agency.enabled_channels()]},
            {"name": "publik", "label": "Tampil di Agenda publik", "widget": "boolean", "default": False,
             "required": False},
            {"name": "status", "label": "Status", "widget": "select", "options": list(STATUSES),
             "default": STATUSES[0]},
            {"name": "berita", "label": "Berita yang mewujudkannya", "widget": "string", "required": False,
             "hint": f"Jalur berkas, mis. content/{agency.slug}/2026/2026-11-20-judul.md"},
            {"name": "catatan", "label": "Catatan", "widget": "text", "required": False},
        ]
        out.append({
            "name": f"rencana-{agency.slug}", "label": f"Rencana {agency.label}",
            "label_singular": f"Rencana bulanan {agency.label}",
            "description": "Rencana liputan dan publikasi per bulan (Pedoman VII.1). Butir `publik` tampil "
                           "di halaman Agenda dan agenda.ics; butir lain hanya untuk tim.",
            "folder": f"content/{agency.slug}/_rencana", "extension": "yml", "format": "yml",
            "create": True, "delete": False, "slug": "{{fields.bulan}}", "identifier_field": "bulan",
            "summary": "Rencana {{bulan}}",
            "fields": [
                {"name": "bulan", "label": "Bulan (TTTT-BB)", "widget": "string",
                 "pattern": [r"^\d{4}-(0[1-9]|1[0-2])$", "Tulis tahun dan bulan, mis. 2026-11."]},
                {"name": "rencana", "label": "Butir rencana", "label_singular": "butir", "widget": "list",
                 "summary": "{{fields.waktu}} {{fields.judul}}", "fields": item},
            ],
        })
    return out

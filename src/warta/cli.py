"""The `warta` command: thin Typer wrappers over warta.commands."""

from __future__ import annotations

import enum
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from warta import __version__
from warta.errors import WartaError
from warta.output import err_console

app = typer.Typer(
    help="Warta: sistem publikasi Tim Publikasi dan Informasi Perangkat Daerah Provinsi Bengkulu.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(enum.StrEnum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Tampilkan versi.")] = False,
) -> None:
    """Warta."""


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Berkas atau folder yang diperiksa.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Peringatan juga dianggap gagal.")] = False,
    format: Annotated[Format, typer.Option("--format", help="text atau json.")] = Format.text,
) -> None:
    """Periksa roster dan berita (skema, penulis, media, kanal)."""
    from warta.commands.check import check as run

    raise typer.Exit(run(paths or [], strict=strict, fmt=format.value))


@app.command()
def new(
    agency: Annotated[str, typer.Option("--agency", help="Slug perangkat daerah, mis. dinas-kesehatan.")],
    title: Annotated[str, typer.Option("--title", help="Judul berita.")],
    author: Annotated[str | None, typer.Option("--author", help="Nama/login GitHub penulis.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Tanggal, mis. '2026-11-20 09:00' (WIB).")] = None,
    channel: Annotated[list[str] | None, typer.Option("--channel", help="Kanal (boleh berulang).")] = None,
    summary: Annotated[str, typer.Option("--summary", help="Ringkasan satu kalimat.")] = "",
    category: Annotated[str, typer.Option("--category", help="Kategori.")] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Tag (boleh berulang).")] = None,
    pr: Annotated[bool, typer.Option("--pr", help="Buat cabang, commit, push dan pull request.")] = False,
    photo: Annotated[Path | None, typer.Option("--photo", help="Foto berita (diperkecil, tanpa GPS).")] = None,
    alt: Annotated[str | None, typer.Option("--alt", help="Apa yang terlihat di foto (wajib dengan --photo).")] = None,
) -> None:
    """Buat berkas berita baru dengan front matter dari roster."""
    from warta.commands.new import new as run

    raise typer.Exit(run(agency_slug=agency, title=title, author=author, date=date,
                         channels=channel or [], summary=summary, category=category,
                         tags=tag or [], pr=pr, photo=photo, alt=alt))


@app.command()
def codeowners(
    check: Annotated[bool, typer.Option("--check", help="Hanya periksa; gagal bila berbeda.")] = False,
) -> None:
    """Tulis atau periksa .github/CODEOWNERS dari roster."""
    from warta.commands.codeowners import codeowners as run

    raise typer.Exit(run(check=check))


@app.command("workflow-tokens")
def workflow_tokens(
    check: Annotated[bool, typer.Option("--check", help="Hanya periksa; gagal bila berbeda.")] = False,
) -> None:
    """Tulis atau periksa daftar secret token (satu per perangkat daerah × jaringan) di workflow."""
    from warta.commands.workflow_tokens import workflow_tokens as run

    raise typer.Exit(run(check=check))


class ReportFormat(enum.StrEnum):
    markdown = "markdown"
    json = "json"


@app.command()
def report(
    base: Annotated[str, typer.Option("--base", help="SHA dasar (cabang main).")],
    head: Annotated[str, typer.Option("--head", help="SHA terakhir pull request.")],
    format: Annotated[ReportFormat, typer.Option("--format", help="markdown atau json.")] = ReportFormat.markdown,
    author: Annotated[str | None, typer.Option("--author", help="Login pembuat PR.")] = None,
    preview_url: Annotated[str | None, typer.Option("--preview-url", help="Tautan pratinjau situs.")] = None,
) -> None:
    """Laporan pull request untuk Kepala PD: pemeriksaan, caption tiap jaringan, persetujuan."""
    from warta.commands.report import report as run

    raise typer.Exit(run(base=base, head=head, fmt=format.value, author=author, preview_url=preview_url))


gate_app = typer.Typer(help="Gerbang persetujuan Kepala PD atas pull request.",
                       no_args_is_help=True)
app.add_typer(gate_app, name="gate")


@gate_app.command("evaluate")
def gate_evaluate(
    input: Annotated[Path, typer.Option("--input", help="Berkas JSON masukan (lihat DESIGN).")],
) -> None:
    """Hitung putusan persetujuan dari roster di base_sha; JSON ke stdout."""
    from warta.commands.gate import evaluate_command

    raise typer.Exit(evaluate_command(input))


@gate_app.command("post")
def gate_post(
    repo: Annotated[str, typer.Option("--repo", help="owner/nama repositori GitHub.")],
    pr: Annotated[int | None, typer.Option("--pr", help="Nomor pull request.")] = None,
    head_sha: Annotated[str | None, typer.Option(
        "--head-sha", help="Atau: periksa setiap PR terbuka dengan commit terakhir ini.")] = None,
    checkout: Annotated[Path, typer.Option("--checkout", help="Klon git berisi base dan head.")]
    = Path("."),
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
    merge_group_ref: Annotated[str | None, typer.Option(
        "--merge-group-ref", help="Atau: cabang antrean merge (gh-readonly-queue/...).")] = None,
    merge_group_head: Annotated[str | None, typer.Option(
        "--merge-group-head", help="head_sha antrean merge.")] = None,
    merge_group_base: Annotated[str | None, typer.Option(
        "--merge-group-base",
        help="base_sha antrean (bawaan: induk pertama commit antrean; roster dibaca dari sini).")]
    = None,
    quality: Annotated[Path | None, typer.Option(
        "--quality", help="Hasil `warta gate quality`: kirim juga check warta/check.")] = None,
) -> None:
    """Baca PR lewat API, hitung putusan, kirim check run `warta/persetujuan` dan komentar."""
    from warta.commands.gate import post_command
    from warta.errors import UsageError

    group = None
    if merge_group_ref and merge_group_head:
        group = (merge_group_ref, merge_group_head, merge_group_base)
    elif merge_group_ref or merge_group_head or merge_group_base:
        raise UsageError("`--merge-group-ref` dan `--merge-group-head` harus diisi bersama.")
    raise typer.Exit(post_command(repo, pr, head_sha, checkout, base_url,
                                  group=group, quality=quality))


@gate_app.command("record")
def gate_record(
    repo: Annotated[str, typer.Option("--repo", help="owner/nama repositori GitHub.")],
    pr: Annotated[int | None, typer.Option("--pr", help="Nomor pull request yang sudah digabung.")] = None,
    sha: Annotated[str | None, typer.Option("--sha", help="Atau: commit merge di main.")] = None,
    checkout: Annotated[Path, typer.Option("--checkout", help="Klon git berisi base dan head.")]
    = Path("."),
    ledger: Annotated[Path, typer.Option("--ledger", help="Folder ledger.")] = Path(".warta/ledger"),
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
) -> None:
    """Catat persetujuan PR yang digabung (penyetuju, jabatan, waktu, SHA) di ledger."""
    from warta.commands.gate import record_command

    raise typer.Exit(record_command(repo, pr, sha, checkout, ledger, base_url))


@gate_app.command("quality")
def gate_quality(
    sha: Annotated[str, typer.Option("--sha", help="Commit yang diperiksa (head PR/antrean).")],
    out: Annotated[Path, typer.Option("--out", help="Berkas JSON hasil.")],
    checkout: Annotated[Path, typer.Option("--checkout", help="Klon git berisi commit itu.")]
    = Path("."),
) -> None:
    """`warta check` atas salinan commit (tidak ada yang dijalankan) untuk check warta/check."""
    from warta.commands.gate import quality_command

    raise typer.Exit(quality_command(sha, checkout, out))


preview_app = typer.Typer(help="Pratinjau pull request (templat dan kode dari main).",
                          no_args_is_help=True)
app.add_typer(preview_app, name="preview")


@preview_app.command("build")
def preview_build(
    base: Annotated[str, typer.Option("--base", help="SHA dasar (main): templat, roster, mkdocs.yml.")],
    head: Annotated[str, typer.Option("--head", help="SHA pull request: hanya content/ yang dipakai.")],
    out: Annotated[Path, typer.Option("--out", help="Folder hasil pratinjau.")],
    repo: Annotated[Path, typer.Option("--repo", help="Klon git berisi kedua commit.")] = Path("."),
    site_url: Annotated[str | None, typer.Option("--site-url", help="Alamat pratinjau (tautan di halaman).")]
    = None,
) -> None:
    """Bangun pratinjau PD yang tersentuh dari templat main dan content/ milik PR."""
    from warta.commands.preview import build as run

    raise typer.Exit(run(base, head, out, repo, site_url))


@preview_app.command("status")
def preview_status(
    repo: Annotated[str, typer.Option("--repo", help="owner/nama repositori GitHub.")],
    pr: Annotated[int | None, typer.Option("--pr", help="Nomor pull request.")] = None,
    head_sha: Annotated[str | None, typer.Option("--head-sha", help="Atau: PR terbuka dengan commit ini.")]
    = None,
    pages_url: Annotated[str | None, typer.Option(
        "--pages-url", envvar="WARTA_PREVIEW_PAGES_URL",
        help="Alamat situs pratinjau (bawaan: https://<owner>.github.io/<nama>-pratinjau).")] = None,
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
) -> None:
    """Kirim status `warta/preview` berisi tautan ke halaman berita di situs pratinjau."""
    from warta.commands.preview import status as run

    raise typer.Exit(run(repo, pr, head_sha, pages_url, base_url))


roster_app = typer.Typer(help="Roster dan tim GitHub.", no_args_is_help=True)
app.add_typer(roster_app, name="roster")


@roster_app.command("sync-github")
def roster_sync_github(
    org: Annotated[str | None, typer.Option("--org", help="Organisasi GitHub.")] = None,
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Tampilkan rencana saja.")] = False,
) -> None:
    """Samakan anggota tim GitHub tiap perangkat daerah dengan roster."""
    from warta.commands.gate import sync_github_command

    raise typer.Exit(sync_github_command(org, base_url, dry_run=dry_run))


@roster_app.command("set-kepala")
def roster_set_kepala(
    agency: Annotated[str, typer.Option("--agency", help="Slug perangkat daerah.")],
    name: Annotated[str, typer.Option("--name", help="Nama kepala lengkap dengan gelar.")],
    github: Annotated[str, typer.Option("--github", help="Login GitHub kepala (tanpa @).")],
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
) -> None:
    """Isi Kepala PD di roster (komentar berkas tetap); id GitHub dicatat bila GITHUB_TOKEN ada."""
    from warta.commands.roster_edit import set_kepala_command

    raise typer.Exit(set_kepala_command(agency, name, github, base_url=base_url))


class DelegateRole(enum.StrEnum):
    Plt = "Plt"
    Plh = "Plh"


@roster_app.command("add-delegate")
def roster_add_delegate(
    agency: Annotated[str, typer.Option("--agency", help="Slug perangkat daerah.")],
    name: Annotated[str, typer.Option("--name", help="Nama Plt./Plh.")],
    github: Annotated[str, typer.Option("--github", help="Login GitHub (tanpa @).")],
    role: Annotated[DelegateRole, typer.Option("--role", help="Plt atau Plh.")],
    start: Annotated[str, typer.Option("--from", help="Mulai bertugas, mis. 2026-12-01.")],
    until: Annotated[str, typer.Option("--until", help="Akhir tugas, mis. 2026-12-31.")],
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
) -> None:
    """Tambah Plt./Plh. dengan masa tugasnya di roster (komentar berkas tetap)."""
    from warta.commands.roster_edit import add_delegate_command

    raise typer.Exit(add_delegate_command(agency, name, github, role.value, start, until,
                                          base_url=base_url))


@app.command()
def siap(
    agency: Annotated[str | None, typer.Option("--agency", help="Hanya perangkat daerah ini.")] = None,
    format: Annotated[Format, typer.Option("--format", help="text atau json.")] = Format.text,
) -> None:
    """Kesiapan tiap perangkat daerah: kepala, Plt./Plh., tim, kanal, token, berita terakhir."""
    from warta.commands.siap import siap as run

    raise typer.Exit(run(agency, format.value))
@app.command()
def rencana(
    agency: Annotated[str | None, typer.Option("--agency", help="Hanya perangkat daerah ini.")] = None,
    bulan: Annotated[str | None, typer.Option("--bulan", help="Bulan TTTT-BB, misalnya 2026-11.")] = None,
    format: Annotated[Format, typer.Option("--format", help="text atau json.")] = Format.text,
) -> None:
    """Rencana liputan dan publikasi (content/<pd>/_rencana/<TTTT-BB>.yml)."""
    from warta.commands.rencana import rencana_command

    raise typer.Exit(rencana_command(agency, bulan, format.value))


@roster_app.command("import-nip")
def roster_import_nip(
    file: Annotated[Path, typer.Argument(help="Berkas privat CSV/YAML: agency, name, nip (dan urutan).")],
) -> None:
    """Impor NIP dari berkas privat: roster hanya menyimpan HMAC dan bentuk tersamar (WARTA_NIP_KEY)."""
    from warta.commands.roster_nip import import_nip_command

    raise typer.Exit(import_nip_command(file))


@app.command()
def build(
    agency: Annotated[list[str] | None, typer.Option("--agency", help="Hanya PD ini (boleh berulang).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder hasil.")] = Path("site"),
    jobs: Annotated[int | None, typer.Option("--jobs", help="Proses paralel (bawaan: jumlah CPU).")] = None,
    now: Annotated[str | None, typer.Option("--now", help="Waktu acuan ISO 8601 (bawaan: sekarang, WIB).")] = None,
    ledger: Annotated[Path | None, typer.Option("--ledger", help="Ledger kiriman (tautan media sosial).")] = None,
    metrics: Annotated[Path | None, typer.Option("--metrics", help="Data metrik (halaman evaluasi).")] = None,
    no_admin: Annotated[bool, typer.Option("--no-admin", help="Tanpa editor web /admin/.")] = False,
    admin_out: Annotated[Path | None, typer.Option(
        "--admin-out", help="Folder editor web, terpisah dari situs (bawaan: <out>-admin).")] = None,
) -> None:
    """Bangun situs tiap perangkat daerah dan portal provinsi; yang tidak berubah dari cache."""
    from warta.commands.build import build as run

    raise typer.Exit(run(agency or [], out=out, jobs=jobs, now=now, ledger=ledger, metrics=metrics,
                         admin=not no_admin, admin_out=admin_out))


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Alamat.")] = "127.0.0.1",
    out: Annotated[Path, typer.Option("--out", help="Folder situs.")] = Path("site"),
    no_build: Annotated[bool, typer.Option("--no-build", help="Sajikan tanpa membangun dulu.")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", help="Proses paralel saat membangun.")] = None,
    admin_port: Annotated[int | None, typer.Option(
        "--admin-port", help="Port editor web, asal terpisah (bawaan: port + 1).")] = None,
) -> None:
    """Bangun lalu sajikan situs (dan editor web di port tersendiri) di komputer ini."""
    from warta.commands.serve import serve as run

    raise typer.Exit(run(out=out, host=host, port=port, build_first=not no_build, jobs=jobs,
                         admin_port=admin_port))


class AdminBackend(enum.StrEnum):
    github = "github"
    local = "local"


@app.command()
def admin(
    out: Annotated[Path, typer.Option(
        "--out", help="Folder editor, terpisah dari situs; ditulis ke <out>/admin/.")] = Path("site-admin"),
    backend: Annotated[AdminBackend, typer.Option(
        "--backend", help="github, atau local (sama; folder lokal di localhost).")] = AdminBackend.github,
    repo: Annotated[str | None, typer.Option("--repo", help="Repositori: nama, atau pemilik/nama.")] = None,
    auth_url: Annotated[str | None, typer.Option("--auth-url", help="Alamat penukar token OAuth.")] = None,
    auth_scope: Annotated[str | None, typer.Option(
        "--auth-scope", help="Izin GitHub: public_repo (bawaan) atau repo (repositori privat).")] = None,
) -> None:
    """Tulis editor web /admin/ (Sveltia CMS) dari roster dan skema berita."""
    from warta.commands.admin import admin as run

    raise typer.Exit(run(out=out, backend=backend.value, repo=repo, auth_url=auth_url,
                         auth_scope=auth_scope))


dispatch_app = typer.Typer(help="Kirim berita ke media sosial, tepat sekali.", no_args_is_help=True)
app.add_typer(dispatch_app, name="dispatch")
_BEFORE = typer.Option("--before", help="SHA commit sebelum push.")
_AFTER = typer.Option("--after", help="SHA commit sesudah push.")
_NOW = typer.Option("--now", help="Waktu acuan ISO 8601 (bawaan: sekarang, WIB).")
_LEDGER = typer.Option("--ledger", help="Folder ledger (bawaan: .warta/ledger).")
_DRY = typer.Option("--dry-run", help="Tampilkan permintaan HTTP tanpa mengirim.")


@dispatch_app.command("plan")
def dispatch_plan(
    before: Annotated[str | None, _BEFORE] = None, after: Annotated[str | None, _AFTER] = None,
    now: Annotated[str | None, _NOW] = None, ledger: Annotated[Path | None, _LEDGER] = None,
    dry_run: Annotated[bool, _DRY] = False,
    format: Annotated[str, typer.Option("--format", help="json (bawaan) atau text.")] = "json",
) -> None:
    """Daftar kiriman (JSON) dari rentang push; tidak mengirim apa pun."""
    from warta.commands.dispatch import plan_command

    raise typer.Exit(plan_command(before, after, now=now, ledger=ledger, dry_run=dry_run, fmt=format))


@dispatch_app.command("run")
def dispatch_run(
    before: Annotated[str | None, _BEFORE] = None, after: Annotated[str | None, _AFTER] = None,
    now: Annotated[str | None, _NOW] = None, ledger: Annotated[Path | None, _LEDGER] = None,
    dry_run: Annotated[bool, _DRY] = False,
    format: Annotated[str, typer.Option("--format", help="text atau json.")] = "text",
) -> None:
    """Kirim yang sudah waktunya dari rentang push."""
    from warta.commands.dispatch import run_command

    raise typer.Exit(run_command(before, after, now=now, ledger=ledger, dry_run=dry_run, fmt=format))


@dispatch_app.command("due")
def dispatch_due(
    now: Annotated[str | None, _NOW] = None, ledger: Annotated[Path | None, _LEDGER] = None,
    dry_run: Annotated[bool, _DRY] = False,
    format: Annotated[str, typer.Option("--format", help="text atau json.")] = "text",
) -> None:
    """Kirim yang terjadwal dan sudah waktunya, serta coba ulang yang gagal."""
    from warta.commands.dispatch import due_command

    raise typer.Exit(due_command(now=now, ledger=ledger, dry_run=dry_run, fmt=format))


@dispatch_app.command("confirm")
def dispatch_confirm(
    agency: Annotated[str, typer.Option("--agency", help="Slug perangkat daerah.")],
    post_id: Annotated[str, typer.Option("--post-id", help="Id berita (lihat keluaran dispatch).")],
    channel: Annotated[str, typer.Option("--channel", help="instagram, facebook, x, youtube, tiktok.")],
    sent: Annotated[bool, typer.Option("--sent", help="Sudah tayang di jaringan.")] = False,
    not_sent: Annotated[bool, typer.Option("--not-sent", help="Belum tayang: kirim lagi nanti.")] = False,
    skip: Annotated[bool, typer.Option("--skip", help="Jangan dikirim.")] = False,
    permalink: Annotated[str | None, typer.Option("--permalink", help="Tautan kiriman bila sudah tayang.")] = None,
    ledger: Annotated[Path | None, _LEDGER] = None,
    kind: Annotated[str, typer.Option("--kind", help="Untuk ralat/pencabutan: `ralat:...` atau `dicabut` "
                                      "(lihat keluaran dispatch).")] = "",
) -> None:
    """Catat jawaban petugas untuk kiriman yang tidak pasti."""
    from warta.commands.dispatch import confirm_command

    raise typer.Exit(confirm_command(agency=agency, post_id=post_id, channel=channel, sent=sent,
                                     not_sent=not_sent, skip=skip, permalink=permalink, ledger=ledger,
                                     kind=kind))


@dispatch_app.command("health")
def dispatch_health(
    format: Annotated[str, typer.Option("--format", help="text atau json.")] = "text",
    issue: Annotated[bool, typer.Option("--issue", help="Buka/perbarui/tutup isu \"Token media sosial "
                                        "bermasalah\" di GITHUB_REPOSITORY.")] = False,
) -> None:
    """Periksa token setiap akun media sosial: ada, berlaku, berizin posting, kapan kedaluwarsa."""
    from warta.commands.dispatch import health_command

    raise typer.Exit(health_command(fmt=format, issue=issue))


metrics_app = typer.Typer(help="Metrik media sosial dan lima ukuran Pedoman XI.", no_args_is_help=True)
app.add_typer(metrics_app, name="metrics")


@metrics_app.command("collect")
def metrics_collect(
    since: Annotated[str | None, typer.Option("--since", help="Hanya kiriman sejak tanggal ini.")] = None,
    ledger: Annotated[Path | None, typer.Option("--ledger", help="Folder ledger kiriman.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Folder data metrik.")] = None,
    now: Annotated[str | None, typer.Option("--now", help="Waktu acuan ISO 8601.")] = None,
) -> None:
    """Ambil angka dan komentar setiap kiriman dari API jaringan."""
    from warta.commands.metrics import collect_command

    raise typer.Exit(collect_command(since, ledger, store, now))


@metrics_app.command("import")
def metrics_import(
    file: Annotated[Path, typer.Argument(help="Berkas CSV ekspor jaringan.")],
    network: Annotated[str, typer.Option("--network", help="Jaringan, `website` atau `access-log`.")],
    ledger: Annotated[Path | None, typer.Option("--ledger", help="Folder ledger kiriman.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Folder data metrik.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Tanggal data (bawaan: hari ini).")] = None,
) -> None:
    """Impor ekspor CSV (Meta Business Suite, YouTube Studio, X, TikTok, situs) atau log akses server web."""
    from warta.commands.metrics import import_command

    raise typer.Exit(import_command(file, network, ledger, store, date))


@metrics_app.command("report")
def metrics_report(
    out: Annotated[Path, typer.Option("--out", help="Folder dasbor.")] = Path("site-metrics"),
    ledger: Annotated[Path | None, typer.Option("--ledger", help="Folder ledger kiriman.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Folder data metrik.")] = None,
    pr_events: Annotated[Path | None, typer.Option("--pr-events", help="JSON PR dari GitHub.")] = None,
    now: Annotated[str | None, typer.Option("--now", help="Waktu acuan ISO 8601.")] = None,
    bulan: Annotated[str | None, typer.Option("--bulan", help="Laporan bulanan TTTT-BB untuk Gubernur.")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Laporan bulanan: xlsx, csv atau html.")] = None,
) -> None:
    """Tulis halaman Kinerja dan evaluasi; dengan --bulan, laporan pemantauan dan evaluasi bulanan."""
    from warta.commands.metrics import monthly_command, report_command

    if bulan is not None or format is not None:
        raise typer.Exit(monthly_command(bulan, format, out, store, pr_events, now))
    raise typer.Exit(report_command(out, ledger, store, pr_events, now))


@metrics_app.command("sentiment")
def metrics_sentiment(
    file: Annotated[Path | None, typer.Argument(help="Satu teks per baris (tanpa berkas: stdin).")] = None,
) -> None:
    """Label sentimen (positif, negatif, netral) untuk setiap baris masukan, satu label per baris."""
    from warta.commands.metrics import sentiment_command

    raise typer.Exit(sentiment_command(file))


inbox_app = typer.Typer(help="Komentar warga yang belum dijawab, pertanyaan lebih dulu.",
                        invoke_without_command=True)
app.add_typer(inbox_app, name="inbox")


@inbox_app.callback()
def inbox(
    ctx: typer.Context,
    agency: Annotated[str | None, typer.Option("--agency", help="Slug perangkat daerah.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Folder data metrik.")] = None,
    format: Annotated[Format, typer.Option("--format", help="text atau json.")] = Format.text,
) -> None:
    """Komentar warga yang belum dijawab, pertanyaan lebih dulu."""
    if ctx.invoked_subcommand is not None:
        return
    from warta.commands.inbox import inbox_command

    raise typer.Exit(inbox_command(agency, store, format.value))


@inbox_app.command("reply")
def inbox_reply(
    comment_id: Annotated[str, typer.Argument(help="ID komentar (kolom ID di `warta inbox`).")],
    text: Annotated[str, typer.Option("--text", help="Teks balasan.")],
    network: Annotated[str | None, typer.Option("--network", help="Jaringan, bila ID ada di beberapa.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Yang menjawab (bawaan: GITHUB_ACTOR).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Folder data metrik.")] = None,
) -> None:
    """Balas satu komentar warga lewat API jaringan, tepat sekali, setelah pemeriksaan kesopanan."""
    from warta.commands.inbox import reply_command

    raise typer.Exit(reply_command(comment_id, text, network, by, store))


media_app = typer.Typer(help="Foto dan video berita.", no_args_is_help=True)
app.add_typer(media_app, name="media")


@media_app.command("add")
def media_add(
    file: Annotated[Path, typer.Argument(help="Foto atau video MP4/MOV dari kamera atau ponsel.")],
    post: Annotated[Path, typer.Option("--post", help="Berkas berita, mis. content/…/2026-11-20-judul.md.")],
    alt: Annotated[str | None, typer.Option("--alt", help="Apa yang terlihat di foto (wajib untuk foto).")] = None,
    credit: Annotated[str, typer.Option("--credit", help="Fotografer atau sumber foto.")] = "",
) -> None:
    """Tambahkan foto (≤ 2560 px, ≤ 1 MB, tanpa data lokasi) atau video (ke penyimpanan media) ke berita."""
    from warta.commands.media import add as run

    raise typer.Exit(run(file, post, alt, credit))


@media_app.command("fix")
def media_fix(
    files: Annotated[list[Path], typer.Argument(help="Foto yang terlalu besar.")],
) -> None:
    """Perkecil foto yang sudah ada (≤ 2560 px, ≤ 1 MB, tanpa EXIF/GPS), nama berkas tetap."""
    from warta.commands.media import fix as run

    raise typer.Exit(run(files))


deploy_app = typer.Typer(help="Terbitkan situs hasil `warta build` ke server web provinsi atau GitHub Pages.",
                         invoke_without_command=True, no_args_is_help=False)
app.add_typer(deploy_app, name="deploy")


@deploy_app.callback()
def deploy(
    ctx: typer.Context,
    to: Annotated[str | None, typer.Option(
        "--to", help="pages, folder, user@host:/path (SSH) atau rsync://host/modul/path "
                     "(bawaan: $WARTA_DEPLOY_TARGET, atau pages).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder situs hasil `warta build`.")] = Path("site"),
    admin: Annotated[bool, typer.Option(
        "--admin", help="Terbitkan editor web (<out>-admin) ke host-nya sendiri "
                        "(bawaan --to: $WARTA_DEPLOY_TARGET_ADMIN).")] = False,
    rollback: Annotated[bool, typer.Option("--rollback", help="Kembalikan ke rilis sebelumnya.")] = False,
    keep: Annotated[int, typer.Option("--keep", help="Jumlah rilis yang disimpan di server.")] = 3,
) -> None:
    """Kirim hanya berkas yang berubah ke rilis baru, lalu alihkan situs sekaligus (atomik)."""
    if ctx.invoked_subcommand is not None:
        return
    from warta.commands.deploy import deploy_command

    raise typer.Exit(deploy_command(to=to, out=out, admin=admin, rollback=rollback, keep=keep))


@deploy_app.command("nginx-config")
def deploy_nginx_config(
    out: Annotated[Path | None, typer.Option("--out", help="Tulis ke berkas ini (bawaan: cetak).")] = None,
    root: Annotated[str, typer.Option("--root", help="Folder `current` di server.")] = "/srv/warta/current",
    access_log: Annotated[str, typer.Option("--access-log", help="Berkas log akses.")]
        = "/var/log/nginx/warta-access.log",
    port: Annotated[int | None, typer.Option("--port", help="Port (bawaan: 80, atau 443 dengan TLS).")] = None,
    tls_cert: Annotated[str | None, typer.Option("--tls-cert", help="Sertifikat TLS (PEM).")] = None,
    tls_key: Annotated[str | None, typer.Option("--tls-key", help="Kunci privat TLS (PEM).")] = None,
) -> None:
    """Cetak konfigurasi nginx: portal dan satu server per host perangkat daerah (roster site.domain)."""
    from warta.commands.deploy import nginx_config_command

    raise typer.Exit(nginx_config_command(out_file=out, root=root, access_log=access_log, port=port,
                                          tls_cert=tls_cert, tls_key=tls_key))


# --- more commands register below (new, codeowners, build, serve, gate, report, dispatch) ---


def main() -> None:
    """Entry point: expected problems exit cleanly; bugs leave a traceback log."""
    try:
        app()  # standalone: usage errors exit 2, typer.Exit carries each command's code
    except WartaError as exc:
        err_console.print(f"[red]Galat:[/] {exc.message}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("Dibatalkan.")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one top-level handler for bugs
        log = Path(".warta") / "error.log"
        try:
            log.parent.mkdir(exist_ok=True)
            log.write_text(traceback.format_exc(), encoding="utf-8")
            where = f" Rincian teknis tersimpan di {log}."
        except OSError:
            where = ""
            traceback.print_exc()
        err_console.print(f"[red]Kesalahan tak terduga di Warta:[/] {exc!r}.{where} "
                          "Laporkan ke admin Diskominfotik.")
        sys.exit(3)


if __name__ == "__main__":
    main()

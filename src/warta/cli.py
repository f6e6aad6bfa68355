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
) -> None:
    """Buat berkas berita baru dengan front matter dari roster."""
    from warta.commands.new import new as run

    raise typer.Exit(run(agency_slug=agency, title=title, author=author, date=date,
                         channels=channel or [], summary=summary, category=category,
                         tags=tag or [], pr=pr))


@app.command()
def codeowners(
    check: Annotated[bool, typer.Option("--check", help="Hanya periksa; gagal bila berbeda.")] = False,
) -> None:
    """Tulis atau periksa .github/CODEOWNERS dari roster."""
    from warta.commands.codeowners import codeowners as run

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
    pr: Annotated[int, typer.Option("--pr", help="Nomor pull request.")],
    checkout: Annotated[Path, typer.Option("--checkout", help="Klon git berisi base dan head.")]
    = Path("."),
    base_url: Annotated[str, typer.Option("--base-url", envvar="GITHUB_API_URL",
                                          help="URL API GitHub.")] = "https://api.github.com",
) -> None:
    """Baca PR lewat API, hitung putusan, kirim check run `warta/persetujuan` dan komentar."""
    from warta.commands.gate import post_command

    raise typer.Exit(post_command(repo, pr, checkout, base_url))


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

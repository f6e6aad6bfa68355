"""`warta roster set-kepala` and `warta roster add-delegate`: roster edits in place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from rich.markup import escape

from warta.errors import UsageError
from warta.output import console, err_console
from warta.project import find_root
from warta.roster.edit import RosterEdit, add_delegate, check_login, roster_file, set_kepala, write_edit
from warta.timeutil import DateParseError, as_date


def _github_id(login: str, env: Mapping[str, str], base_url: str) -> tuple[str, int | None]:
    """The login as GitHub spells it and its id; offline (no token) the id stays empty."""
    token = env.get("WARTA_GITHUB_TOKEN") or env.get("GITHUB_TOKEN")  # the same order as warta.gate.github
    if not token:
        err_console.print(f"[yellow]peringatan[/] GITHUB_TOKEN tidak ada, jadi id GitHub @{login} belum "
                          "dicatat (`github_id` kosong). Jalankan lagi dengan GITHUB_TOKEN, atau "
                          "`warta roster sync-github`, agar persetujuan dicocokkan dengan id.")
        return login, None
    from warta.gate.github import GitHubError, resolve_login

    try:
        return resolve_login(login, token, base_url)
    except GitHubError as exc:
        err_console.print(f"[yellow]peringatan[/] {escape(exc.message)} `github_id` dibiarkan kosong.")
        return login, None


def _report(edit: RosterEdit) -> int:
    write_edit(edit)
    console.print(f"{edit.path.name} diperbarui: {escape(edit.summary)}.")
    console.print("Langkah berikut: jalankan `warta codeowners`, lalu kirim roster dan CODEOWNERS "
                  "sebagai pull request (disetujui admin Diskominfotik). Periksa dengan `warta siap`.")
    return 0


def set_kepala_command(agency: str, name: str, github: str, *, base_url: str,
                       root: Path | None = None, env: Mapping[str, str] | None = None) -> int:
    root = root or find_root()
    roster_file(root, agency)  # an unknown agency fails before any network call
    login, github_id = _github_id(check_login(github), os.environ if env is None else env, base_url)
    return _report(set_kepala(root, agency, name, login, github_id))


def _day(value: str, option: str) -> date:
    try:
        return as_date(value)
    except DateParseError:
        raise UsageError(f"`{option} {value}` bukan tanggal (contoh: 2026-12-01).") from None


def add_delegate_command(agency: str, name: str, github: str, role: str, start: str, until: str, *,
                         base_url: str, root: Path | None = None,
                         env: Mapping[str, str] | None = None) -> int:
    root = root or find_root()
    roster_file(root, agency)
    begin, end = _day(start, "--from"), _day(until, "--until")
    login, github_id = _github_id(check_login(github), os.environ if env is None else env, base_url)
    return _report(add_delegate(root, agency, name, login, role, begin, end, github_id))

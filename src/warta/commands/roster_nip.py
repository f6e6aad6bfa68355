"""`warta roster import-nip FILE`: keyed hashes and masked NIPs into roster/ (Diskominfotik only)."""

from __future__ import annotations

import os
from pathlib import Path

from rich.markup import escape

from warta.output import console
from warta.project import find_root
from warta.roster.importnip import import_nips, nip_key, read_private_file
from warta.timeutil import now_wib


def import_nip_command(file: Path, root: Path | None = None) -> int:
    key = nip_key(os.environ)  # refuse before reading anything
    root = root or find_root()
    result = import_nips(root, read_private_file(file), key, now_wib().date(), source=str(file))
    console.print(f"[green]✓[/] {result.updated} NIP diimpor ke {len(result.files)} berkas roster "
                  "(hanya sidik kunci dan bentuk tersamar; angka NIP tidak disimpan).")
    for line in result.decree_problems:
        console.print(f"  ⚠ {escape(line)}")
    console.print(f"Simpan berkas {escape(str(file))} di tempat aman Diskominfotik, bukan di repositori. "
                  "Periksa dengan `warta check`, lalu commit perubahan roster/.")
    return 0

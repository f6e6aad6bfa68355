from __future__ import annotations

from pathlib import Path

from warta.findings import has_errors
from warta.output import console, err_console, print_findings
from warta.project import find_root
from warta.roster import load_roster
from warta.roster.codeowners import CODEOWNERS_PATH, render_codeowners
from warta.timeutil import now_wib


def codeowners(*, check: bool, root: Path | None = None) -> int:
    root = root or find_root()
    loaded = load_roster(root)
    text, findings = render_codeowners(loaded.roster, now_wib().date())
    findings = loaded.findings + findings
    if has_errors(findings):
        print_findings(findings)
        return 1
    target = root / CODEOWNERS_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current == text:
            console.print(f"[green]✓[/] {CODEOWNERS_PATH} sesuai dengan roster.")
            return 0
        what = "belum ada" if current is None else "tidak sesuai dengan roster"
        err_console.print(f"[red]✗[/] {CODEOWNERS_PATH} {what}. Jalankan `warta codeowners` "
                          "lalu commit hasilnya.")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    console.print(f"{CODEOWNERS_PATH} {'diperbarui' if current != text else 'sudah sesuai'}.")
    vacant = [f.file.removeprefix("roster/").removesuffix(".yml") for f in findings
              if f.code == "codeowners-no-approver"]
    if vacant:
        err_console.print(f"[yellow]peringatan[/] {len(vacant)} perangkat daerah belum punya Kepala/Plt./Plh. "
                          "dengan login GitHub, jadi beritanya belum dapat disetujui (admin tidak "
                          "menyetujui konten). Diskominfotik mengisinya dengan `warta roster set-kepala`: "
                          f"{', '.join(vacant)}.")
    return 0

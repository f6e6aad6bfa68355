"""`warta deploy`: publish the built site (or the editor) and print the nginx configuration."""

from __future__ import annotations

import os
from pathlib import Path

from warta.errors import UsageError
from warta.output import console, err_console

PAGES = "pages"
PAGES_LIMIT = 1_000_000_000  # GitHub Pages' published-site limit


def _site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and not p.is_symlink())


def deploy_command(*, to: str | None, out: Path, admin: bool, rollback: bool, keep: int) -> int:
    from warta.commands.build import admin_tree
    from warta.deploy.release import Target, deploy
    from warta.deploy.release import rollback as roll_back

    site = admin_tree(out.absolute(), None) if admin else out.absolute()
    wanted = to or os.environ.get("WARTA_DEPLOY_TARGET_ADMIN" if admin else "WARTA_DEPLOY_TARGET") or PAGES
    if wanted == PAGES:
        if admin or rollback:
            raise UsageError("GitHub Pages hanya menerbitkan situs publik, tanpa rollback; "
                             "editor web dan rollback butuh `--to` server (folder, user@host:/path).")
        if not (site / "index.html").is_file():
            raise UsageError(f"`{site}` bukan situs hasil `warta build`. Jalankan `warta build` dulu.")
        size = _site_size(site)
        if size > PAGES_LIMIT:
            raise UsageError(f"Situs {size / 1e6:.0f} MB melebihi batas GitHub Pages (1 GB). "
                             "Terbitkan ke server provinsi: `warta deploy --to user@host:/srv/warta`.")
        console.print(f"{site}: {size / 1e6:.1f} MB, siap diunggah ke GitHub Pages oleh alur kerja "
                      "publish (actions/upload-pages-artifact).")
        return 0
    if keep < 2:
        raise UsageError("`--keep` minimal 2: rilis sekarang dan satu sebelumnya (untuk rollback).")
    target = Target.parse(wanted)
    if rollback:
        was, now = roll_back(target)
        console.print(f"{target}: `current` dikembalikan dari rilis {was} ke {now}.")
        return 0
    result = deploy(site, target, keep=keep)
    console.print(f"{target}: rilis {result.release} aktif; {result.files_sent} berkas dikirim "
                  f"({result.bytes_sent / 1e6:.2f} MB), sisanya sama dengan rilis sebelumnya"
                  f"{'' if result.previous is None else f' ({result.previous}, disimpan untuk rollback)'}.")
    return 0


def nginx_config_command(*, out_file: Path | None, root: str, access_log: str, port: int | None,
                         tls_cert: str | None, tls_key: str | None) -> int:
    from warta.deploy.nginx import NginxOptions, nginx_config
    from warta.project import find_root
    from warta.roster import load_roster

    roster = load_roster(find_root()).roster
    text = nginx_config(roster, NginxOptions(root, access_log, port, tls_cert, tls_key))
    if out_file is None:
        print(text, end="")
        return 0
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text, encoding="utf-8")
    err_console.print(f"Konfigurasi nginx ditulis ke {out_file}. Uji dengan `nginx -t`, lalu `nginx -s reload`.")
    return 0

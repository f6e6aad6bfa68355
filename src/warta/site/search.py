"""Pagefind: one search index per shard, merged in the browser by the portal's search page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from warta.errors import WartaError

# Pagefind writes every UI it ships into each bundle; the portal's search page loads only
# pagefind.js (each bundle) and pagefind-ui.js/.css (see site_templates/portal_search.md.j2).
UNUSED_UI = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
             "pagefind-modular-ui.js", "pagefind-highlight.js")


def index_shard(parent: Path, slug: str) -> None:
    """Index parent/<slug>/ so result URLs read /<slug>/...; the bundle is <slug>/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(parent),
               "--glob", f"{slug}/**/*.html", "--output-path", str(parent / slug / "pagefind"),
               "--force-language", "id", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WartaError(f"Pagefind tidak dapat dijalankan: {exc}.") from None
    if result.returncode != 0:
        raise WartaError(f"Pagefind gagal mengindeks {slug}: "
                         f"{(result.stderr or result.stdout).strip()[-500:]}")
    for name in UNUSED_UI:
        (parent / slug / "pagefind" / name).unlink(missing_ok=True)

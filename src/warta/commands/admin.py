from __future__ import annotations

from pathlib import Path

from warta.admin import write_admin
from warta.admin.config import BackendOptions
from warta.output import console
from warta.project import find_root


def admin(*, out: Path, backend: str, repo: str | None, auth_url: str | None,
          auth_scope: str | None = None) -> int:
    root = find_root()
    options = BackendOptions.from_env(backend, repo=repo, auth_url=auth_url,
                                      auth_scope=auth_scope)
    target = write_admin(root, out, backend=backend, options=options)
    console.print(f"Editor ditulis ke {target}/ (backend {options.kind}). Sajikan `{out}` dari host "
                  "tersendiri (bukan host situs berita) dan buka /admin/ di sana.")
    return 0

from __future__ import annotations

import threading
from pathlib import Path

from warta.output import err_console


def serve(*, out: Path, host: str, port: int, build_first: bool, jobs: int | None,
          admin_port: int | None = None) -> int:
    """The public site on `port`; the web editor, when built, on its own origin (`admin_port`,
    default port + 1), as in production where it has its own host name."""
    from warta.commands.build import admin_tree, build
    from warta.site.serve import make_server

    target = out if out.is_absolute() else Path.cwd() / out
    editor = admin_tree(target, None)
    if build_first:
        status = build([], out=target, jobs=jobs, now=None)
        if status != 0:
            err_console.print("[yellow]Sebagian situs gagal dibangun; yang berhasil tetap "
                              "disajikan.[/]")
    server = make_server(target, host, port)
    servers = [server]
    host_shown = f"[{host}]" if ":" in host else host
    print(f"Situs tersedia di http://{host_shown}:{server.server_address[1]}/ "
          "(tekan Ctrl+C untuk berhenti)", flush=True)
    if (editor / "admin" / "index.html").is_file():
        wanted = admin_port if admin_port is not None else (port + 1 if port else 0)
        editor_server = make_server(editor, host, wanted)
        servers.append(editor_server)
        threading.Thread(target=editor_server.serve_forever, daemon=True).start()
        print(f"Editor web (asal terpisah) di http://{host_shown}:{editor_server.server_address[1]}/admin/",
              flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for one in servers:
            one.server_close()
    return 0

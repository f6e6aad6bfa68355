from __future__ import annotations

from pathlib import Path

from warta.output import err_console


def serve(*, out: Path, host: str, port: int, build_first: bool, jobs: int | None) -> int:
    from warta.commands.build import build
    from warta.site.serve import make_server

    target = out if out.is_absolute() else Path.cwd() / out
    if build_first:
        status = build([], out=target, jobs=jobs, now=None)
        if status != 0:
            err_console.print("[yellow]Sebagian situs gagal dibangun; yang berhasil tetap "
                              "disajikan.[/]")
    server = make_server(target, host, port)
    host_shown = f"[{host}]" if ":" in host else host
    print(f"Situs tersedia di http://{host_shown}:{server.server_address[1]}/ "
          "(tekan Ctrl+C untuk berhenti)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0

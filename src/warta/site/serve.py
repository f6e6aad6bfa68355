"""Serve a built site folder over HTTP on this machine (for previews, not production)."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warta.errors import UsageError


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def make_server(site: Path, host: str, port: int) -> ThreadingHTTPServer:
    if not (site / "index.html").is_file():
        raise UsageError(f"Situs belum dibangun di `{site}`. Jalankan `warta build` dahulu.")
    handler = functools.partial(_QuietHandler, directory=str(site))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise UsageError(f"Tidak dapat membuka {host}:{port}: {exc.strerror}. "
                         "Coba port lain dengan `--port`.") from None

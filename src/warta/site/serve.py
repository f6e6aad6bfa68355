"""Serve a built site folder over HTTP on this machine (for previews, not production)."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warta.errors import UsageError


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml",
                      ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def send_head(self):  # type: ignore[no-untyped-def]
        """A `<file>.gz` written beside a file (the editor's bundle) is sent instead, compressed,
        to a browser that accepts gzip: what nginx's `gzip_static on` does in production."""
        path = Path(self.translate_path(self.path))
        packed = path.with_name(path.name + ".gz")
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or not packed.is_file()):
            return super().send_head()
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(packed.stat().st_size))
        self.end_headers()
        return body


def make_server(site: Path, host: str, port: int) -> ThreadingHTTPServer:
    if not (site / "index.html").is_file():
        raise UsageError(f"Situs belum dibangun di `{site}`. Jalankan `warta build` dahulu.")
    handler = functools.partial(_QuietHandler, directory=str(site))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise UsageError(f"Tidak dapat membuka {host}:{port}: {exc.strerror}. "
                         "Coba port lain dengan `--port`.") from None

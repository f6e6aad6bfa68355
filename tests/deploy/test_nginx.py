"""`warta deploy nginx-config` under real nginx: `nginx -t`, then serving a deployed release
by host name with the security headers; its access log read back by the metrics importer."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.deploy.conftest import add_post, build, require
from warta.deploy.nginx import NginxOptions, nginx_config
from warta.deploy.release import Target, deploy
from warta.errors import UsageError
from warta.metrics.accesslog import parse_access_log
from warta.roster import load_roster

DOMAIN = "dinkes.contoh.test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main_conf(prefix: Path, site_conf: Path) -> Path:
    """A whole nginx.conf around the generated http-context file, all paths in `prefix`."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").is_file() else ""
    temps = " ".join(f"{kind}_temp_path {prefix}/{kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = prefix / "nginx.conf"
    conf.write_text(f"{user}worker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n"
                    f"events {{ worker_connections 64; }}\n"
                    f"http {{ {mime} {temps} include {site_conf}; }}\n", encoding="utf-8")
    return conf


@pytest.fixture
def nginx_bin() -> str:
    return require("nginx")


def get(port: int, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": host, "User-Agent": "Mozilla/5.0 (X11; Linux) Firefox/128.0",
                                       "Referer": f"http://{host}/"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture
def served(built: tuple[Path, Path, Path], tmp_path: Path, nginx_bin: str) -> Iterator[dict[str, object]]:
    repo, out, cache = built
    agency = repo / "roster" / "dinas-contoh.yml"
    agency.write_text(agency.read_text(encoding="utf-8") + f"site:\n  domain: {DOMAIN}\n", encoding="utf-8")
    www, prefix = tmp_path / "www", tmp_path / "nginx"
    prefix.mkdir()
    deploy(out, Target.parse(str(www)))
    port = free_port()
    log = prefix / "access.log"
    text = nginx_config(load_roster(repo).roster, NginxOptions(str(www / "current"), str(log), port))
    site_conf = prefix / "warta.conf"
    site_conf.write_text(text, encoding="utf-8")
    conf = main_conf(prefix, site_conf)
    checked = subprocess.run([nginx_bin, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"),
                              "-c", str(conf)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    proc = subprocess.Popen([nginx_bin, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf),
                             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield {"port": port, "repo": repo, "out": out, "cache": cache, "www": www, "log": log,
               "conf": text}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_nginx_serves_portal_and_agency_by_host_name(served: dict[str, object]) -> None:
    port = served["port"]
    assert isinstance(port, int)
    assert "unsafe-inline" not in str(served["conf"]).split("script-src", 1)[1].split(";", 1)[0]
    status, headers, body = get(port, "warta.example.go.id", "/")
    assert status == 200 and b"Dinas Contoh" in body
    csp = headers["content-security-policy"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp and "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "strict-transport-security" not in headers  # plain HTTP behind the TLS terminator

    status, headers, body = get(port, DOMAIN, "/")
    assert status == 200 and b"Posyandu Serentak" in body  # the agency's own home page at /
    theme = next(ref for ref in body.decode().split('"') if "assets/javascripts/bundle." in ref)
    status, headers, script = get(port, DOMAIN, "/" + theme.lstrip("./"))
    assert status == 200 and len(script) > 10_000
    assert "immutable" in headers["cache-control"] and headers["x-content-type-options"] == "nosniff"
    status, headers, _ = get(port, DOMAIN, "/berita/tidak-ada/")
    assert status == 404 and "content-security-policy" in headers


def test_switch_is_visible_at_once_and_access_log_reads_back(served: dict[str, object]) -> None:
    port, repo, out, cache, www = (served[k] for k in ("port", "repo", "out", "cache", "www"))
    assert isinstance(port, int) and isinstance(repo, Path) and isinstance(out, Path)
    assert isinstance(cache, Path) and isinstance(www, Path)
    page = "/berita/2026/2026-11-24-jembatan-baru/"
    assert get(port, DOMAIN, page)[0] == 404
    add_post(repo)
    build(repo, out, cache)
    deploy(out, Target.parse(str(www)))
    assert get(port, DOMAIN, page)[0] == 200
    assert get(port, "warta.example.go.id", "/dinas-contoh" + page)[0] == 200

    log = served["log"]
    assert isinstance(log, Path)
    for _ in range(50):  # nginx writes the line after the response
        if log.is_file() and log.read_text(encoding="utf-8").count("\n") >= 3:
            break
        time.sleep(0.05)
    result = parse_access_log(log.read_text(encoding="utf-8").splitlines(), agencies={"dinas-contoh"},
                              site_host="warta.example.go.id", name="access.log", at="2026-11-25T10:00:00+07:00")
    assert not result.problems
    pages = {(s.agency, s.post_id): s.values for s in result.snapshots}
    mine = pages[("dinas-contoh", "/dinas-contoh" + page)]
    assert mine["visits"] == 2 and mine["visitors"] == 1
    assert mine["links_in"] == 0  # a referrer from the agency's own host is not a link in


def test_bad_domain_names_the_roster_file(site_repo: Path) -> None:
    write(site_repo, "roster/dinas-contoh.yml",
          (site_repo / "roster/dinas-contoh.yml").read_text(encoding="utf-8")
          + "site:\n  domain: 'evil.test; root /etc'\n")
    with pytest.raises(UsageError, match=r"roster/dinas-contoh\.yml: `site.domain`"):
        nginx_config(load_roster(site_repo).roster, NginxOptions())
    with pytest.raises(UsageError, match="--tls-key"):
        nginx_config(load_roster(site_repo).roster, NginxOptions(tls_cert="/etc/ssl/a.pem"))


def test_tls_adds_hsts_and_redirect(site_repo: Path) -> None:
    text = nginx_config(load_roster(site_repo).roster,
                        NginxOptions(tls_cert="/etc/ssl/warta.pem", tls_key="/etc/ssl/warta.key"))
    assert "listen 443 ssl;" in text and "Strict-Transport-Security" in text
    assert "return 301 https://$host$request_uri;" in text

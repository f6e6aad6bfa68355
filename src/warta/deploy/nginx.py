"""The nginx configuration for the province's web server (`warta deploy nginx-config`).

One `server` for the portal's host name (from roster/_province.yml `site.url`) serving the
whole site, and one per agency with its own host name (roster `site: {domain: ...}`) serving
that agency's folder, with the shared theme at `/assets/`. The file goes into nginx's `http`
context (e.g. /etc/nginx/conf.d/warta.conf).

The access log is Combined Log Format with the agency's folder put back in front of the path
(`/dinas-kesehatan/berita/...` even when the visitor asked `dinkes.../berita/...`) and a
referrer from one of the site's own hosts written as the portal's, so that
`warta metrics import --network access-log` reads it as is: the right agency for every page,
and links from one of the province's own sites never counted as links in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.errors import UsageError
from warta.roster.models import Roster
from warta.site.engine import CSP

_HOST = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
_PATH = re.compile(r"^/[A-Za-z0-9._/-]*$")
SECURITY_HEADERS = (
    # The <meta> CSP of every page, plus what only a header can say (frame-ancestors).
    ("Content-Security-Policy", f"{CSP}; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)
HSTS = ("Strict-Transport-Security", "max-age=31536000")
LOG_FORMAT = ("'$remote_addr - $remote_user [$time_local] \"$request_method $warta_prefix$request_uri "
              "$server_protocol\" $status $body_bytes_sent \"$warta_referer\" \"$http_user_agent\"'")


@dataclass(frozen=True)
class NginxOptions:
    root: str = "/srv/warta/current"  # the deploy target's `current` symlink
    access_log: str = "/var/log/nginx/warta-access.log"
    port: int | None = None  # 80, or 443 with TLS
    tls_cert: str | None = None
    tls_key: str | None = None


def _checked_path(value: str, option: str) -> str:
    if not _PATH.match(value):
        raise UsageError(f"`{option} {value}`: hanya path absolut dengan huruf, angka, `._-/`.")
    return value.rstrip("/") or "/"


def _hosts(roster: Roster) -> tuple[str, list[tuple[str, str]]]:
    portal = (urlsplit(roster.province.site_url).hostname or "").lower()
    if not _HOST.match(portal):
        raise UsageError(f"roster/_province.yml: `site.url` ({roster.province.site_url}) tidak berisi "
                         "nama host yang sah. Isi mis. `https://warta.bengkuluprov.go.id/`.")
    seen = {portal: "roster/_province.yml"}
    agencies = []
    for agency in roster:
        if not agency.domain:
            continue
        where = f"roster/{agency.slug}.yml"
        if not _HOST.match(agency.domain):
            raise UsageError(f"{where}: `site.domain` `{agency.domain}` bukan nama host yang sah. "
                             "Isi nama host saja, mis. `dinkes.bengkuluprov.go.id` (tanpa https:// atau /).")
        if agency.domain in seen:
            raise UsageError(f"{where}: `site.domain` `{agency.domain}` sudah dipakai di {seen[agency.domain]}.")
        seen[agency.domain] = where
        agencies.append((agency.slug, agency.domain))
    return portal, agencies


def _headers(indent: str, tls: bool) -> list[str]:
    pairs = list(SECURITY_HEADERS) + ([HSTS] if tls else [])
    return [f'{indent}add_header {name} "{value}" always;' for name, value in pairs]


def _server(host: str, root: str, prefix: str, opts: NginxOptions, assets: str | None) -> list[str]:
    tls = opts.tls_cert is not None
    port = opts.port or (443 if tls else 80)
    listen = f"{port} ssl" if tls else str(port)
    lines = ["server {", f"    listen {listen};", f"    server_name {host};", f"    root {root};",
             f'    set $warta_prefix "{prefix}";', f"    access_log {opts.access_log} warta;",
             "    index index.html;", "    error_page 404 /404.html;", "    charset utf-8;"]
    if tls:
        lines += [f"    ssl_certificate {opts.tls_cert};", f"    ssl_certificate_key {opts.tls_key};",
                  "    ssl_protocols TLSv1.2 TLSv1.3;"]
    # add_header in a location replaces the server's, so every location repeats them.
    lines += ["    location / {", "        try_files $uri $uri/ =404;",
              '        add_header Cache-Control "no-cache" always;', *_headers("        ", tls), "    }"]
    lines += ["    location /assets/ {"]
    if assets is not None:
        lines += [f"        alias {assets}/;"]
    lines += ['        add_header Cache-Control "public, max-age=31536000, immutable" always;',
              *_headers("        ", tls), "    }", "}"]
    return lines


def nginx_config(roster: Roster, opts: NginxOptions) -> str:
    """The configuration text; raises UsageError naming the roster file for a bad host name."""
    if (opts.tls_cert is None) != (opts.tls_key is None):
        raise UsageError("`--tls-cert` dan `--tls-key` harus diisi bersama (atau keduanya dikosongkan).")
    root = _checked_path(opts.root, "--root")
    log = _checked_path(opts.access_log, "--access-log")
    cert = _checked_path(opts.tls_cert, "--tls-cert") if opts.tls_cert else None
    key = _checked_path(opts.tls_key, "--tls-key") if opts.tls_key else None
    opts = NginxOptions(root, log, opts.port, cert, key)
    portal, agencies = _hosts(roster)
    own = "|".join(re.escape(h) for h in [portal, *(d for _, d in agencies)])
    lines = ["# Generated by `warta deploy nginx-config`; regenerate after a roster change.",
             f"log_format warta {LOG_FORMAT};",
             "map $http_referer $warta_referer {",
             "    default $http_referer;",
             f'    "~*^https?://({own})(:[0-9]+)?(/|$)" "https://{portal}/";',
             "}",
             "server_tokens off;", ""]
    lines += _server(portal, root, "", opts, None)
    for slug, domain in agencies:
        lines += [""] + _server(domain, f"{root}/{slug}", f"/{slug}", opts, f"{root}/assets")
    if opts.tls_cert:
        hosts = " ".join([portal, *(d for _, d in agencies)])
        lines += ["", "server {", "    listen 80;", f"    server_name {hosts};",
                  "    return 301 https://$host$request_uri;", "}"]
    return "\n".join(lines) + "\n"

"""Decap CMS's JavaScript from the npm registry (never a CDN), cached under .warta/node."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from warta.errors import WartaError

DECAP_CMS = "decap-cms"
DECAP_CMS_VERSION = "3.16.3"
DECAP_CMS_INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6"
                       "+z0oIpwUYhUJDYtYw==")
DECAP_SERVER_VERSION = "3.11.3"  # pinned with its whole tree in npm/decap-server/package-lock.json
NPM_DIR = Path(__file__).parent / "npm"


def cache_dir(root: Path) -> Path:
    """Where npm packages are kept: $WARTA_NODE_CACHE, else <root>/.warta/node (git-ignored)."""
    env = os.environ.get("WARTA_NODE_CACHE")
    return Path(env) if env else root / ".warta" / "node"


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise WartaError("`npm` tidak ditemukan. Pasang Node.js 20 dan npm untuk membuat halaman /admin/.")
    return npm


def _run_npm(args: list[str], cwd: Path) -> None:
    result = subprocess.run([_npm(), *args, "--no-audit", "--no-fund", "--loglevel=error"],
                            cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise WartaError(f"`npm {' '.join(args)}` gagal:\n{result.stderr.strip()}")


def _integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def ensure_decap_cms(cache: Path) -> Path:
    """The dist/ folder of the pinned decap-cms tarball, fetched once with `npm pack`."""
    target = cache / f"{DECAP_CMS}-{DECAP_CMS_VERSION}"
    dist = target / "dist"
    if (dist / "decap-cms.js").is_file():
        return dist
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        work = Path(tmp)
        _run_npm(["pack", f"{DECAP_CMS}@{DECAP_CMS_VERSION}", "--pack-destination", str(work)], work)
        tarball = work / f"{DECAP_CMS}-{DECAP_CMS_VERSION}.tgz"
        if _integrity(tarball) != DECAP_CMS_INTEGRITY:
            raise WartaError(f"Berkas {tarball.name} dari registry npm tidak sesuai sidik yang "
                             "dipatok (integrity). Jangan dipakai; laporkan ke admin Diskominfotik.")
        with tarfile.open(tarball) as archive:
            archive.extractall(work / "x", filter="data")
        for source_map in (work / "x" / "package" / "dist").glob("*.map"):
            source_map.unlink()  # 2/3 of the tarball; never served
        shutil.rmtree(target, ignore_errors=True)
        (work / "x" / "package").rename(target)
    return dist


def cms_files(dist: Path) -> list[Path]:
    """The files the browser loads: the bundle, its lazy chunks and wasm, and the licence."""
    keep = [dist / "decap-cms.js", dist / "decap-cms.js.LICENSE.txt"]
    keep += sorted(dist.glob("*.decap-cms.js")) + sorted(dist.glob("*.wasm"))
    return [p for p in keep if p.is_file()]


def ensure_decap_server(cache: Path) -> Path:
    """decap-server's entry script, installed with `npm ci` from the pinned lockfile."""
    target = cache / f"decap-server-{DECAP_SERVER_VERSION}"
    entry = target / "node_modules" / "decap-server" / "dist" / "index.js"
    if entry.is_file():
        return entry
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(NPM_DIR / "decap-server" / name, target / name)
    _run_npm(["ci", "--ignore-scripts"], target)
    return entry

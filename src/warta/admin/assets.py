"""Sveltia CMS's JavaScript from the npm registry (never a CDN), cached under .warta/node."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from warta.errors import WartaError

CMS_PACKAGE = "@sveltia/cms"
CMS_VERSION = "0.221.1"
CMS_INTEGRITY = ("sha512-J+Qoik9kGMk2L7vNpOQrnDmFRi+NB6vwJ0f657YtsxWH0P8WYSYRRSRC2pQ/jGGbVlM//Pg/WIgmkpswq"
                 "oo3gQ==")
CMS_SCRIPT = "sveltia-cms.js"
# Served beside the editor: the bundle, React DOM for Warta's preview templates (Sveltia loads it
# from chunks/ next to its own script before trying a CDN), the licence.
_SERVED = (f"dist/{CMS_SCRIPT}", "dist/chunks/react-dom.js", "LICENSE.txt")
GZIP_SUFFIXES = (".js", ".yml", ".html", ".txt")


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


def ensure_cms(cache: Path) -> Path:
    """The unpacked, pinned @sveltia/cms tarball (only the served files), fetched once with `npm pack`."""
    target = cache / f"sveltia-cms-{CMS_VERSION}"
    if all((target / name).is_file() for name in _SERVED):
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        work = Path(tmp)
        _run_npm(["pack", f"{CMS_PACKAGE}@{CMS_VERSION}", "--pack-destination", str(work)], work)
        tarball = work / f"sveltia-cms-{CMS_VERSION}.tgz"
        if _integrity(tarball) != CMS_INTEGRITY:
            raise WartaError(f"Berkas {tarball.name} dari registry npm tidak sesuai sidik yang "
                             "dipatok (integrity). Jangan dipakai; laporkan ke admin Diskominfotik.")
        staged = work / "keep"
        with tarfile.open(tarball) as archive:
            for name in _SERVED:
                member = archive.getmember(f"package/{name}")
                source = archive.extractfile(member)
                if source is None:
                    raise WartaError(f"{name} hilang dari paket {CMS_PACKAGE}@{CMS_VERSION}.")
                out = staged / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(source.read())
        shutil.rmtree(target, ignore_errors=True)
        staged.rename(target)
    return target


def cms_files(package: Path) -> list[tuple[Path, str]]:
    """(file, path under /admin/) for each file the browser may load from the package."""
    return [(package / name, name.removeprefix("dist/")) for name in _SERVED if (package / name).is_file()]


def precompress(folder: Path) -> None:
    """A .gz beside each text file, for servers that send precompressed files (nginx `gzip_static`,
    `warta serve`): the editor's first load over a mobile connection is ~3x smaller."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in GZIP_SUFFIXES:
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)

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
from dataclasses import dataclass
from pathlib import Path

from warta.errors import WartaError

CMS_VERSION = "0.221.1"
CMS_SCRIPT = "sveltia-cms.js"
IMMUTABLE_VERSION = "5.1.9"  # the exact version Sveltia imports for preview templates and events
# Sveltia imports Immutable.js from unpkg at run time (for CMS.registerPreviewTemplate and
# registerEventListener); index.html's import map points that URL at this copy, so the editor
# origin, which holds the writer's GitHub token, runs no code from a CDN.
IMMUTABLE_CDN_URL = f"https://unpkg.com/immutable@{IMMUTABLE_VERSION}/dist/immutable.es.js"
IMMUTABLE_SCRIPT = "immutable.es.js"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # the registry's sha512 of the tarball
    files: tuple[tuple[str, str], ...]  # (path in the tarball's package/, path under /admin/)

    @property
    def tarball(self) -> str:
        return f"{self.name.removeprefix('@').replace('/', '-')}-{self.version}.tgz"


PACKAGES = (
    NpmPackage("@sveltia/cms", CMS_VERSION,
               "sha512-J+Qoik9kGMk2L7vNpOQrnDmFRi+NB6vwJ0f657YtsxWH0P8WYSYRRSRC2pQ/jGGbVlM//Pg/WIgmkpswqoo3gQ==",
               # the bundle; React DOM for Warta's preview (Sveltia loads it from chunks/ beside
               # its own script before trying a CDN); the licence
               ((f"dist/{CMS_SCRIPT}", CMS_SCRIPT), ("dist/chunks/react-dom.js", "chunks/react-dom.js"),
                ("LICENSE.txt", "LICENSE.txt"))),
    NpmPackage("immutable", IMMUTABLE_VERSION,
               "sha512-m8nVez3rwrgmWxtLMt1ZYXB2Lv7OKYn/disyxAlSDYAlKSlFoPPfIAmAM/M5xqL4m4C/wAPw7S2/CNaUii1Hxg==",
               (("dist/immutable.es.js", IMMUTABLE_SCRIPT), ("LICENSE", "immutable.LICENSE.txt"))),
)
SERVED = tuple(served for package in PACKAGES for _, served in package.files)
GZIP_SUFFIXES = (".js", ".yml", ".html", ".txt", ".css")


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
    """A folder with the editor's files from the pinned npm tarballs, fetched once with `npm pack`."""
    target = cache / f"sveltia-cms-{CMS_VERSION}-immutable-{IMMUTABLE_VERSION}"
    if all((target / name).is_file() for name in SERVED):
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        work = Path(tmp)
        staged = work / "keep"
        for package in PACKAGES:
            _unpack(package, work, staged)
        shutil.rmtree(target, ignore_errors=True)
        staged.rename(target)
    return target


def _unpack(package: NpmPackage, work: Path, staged: Path) -> None:
    _run_npm(["pack", f"{package.name}@{package.version}", "--pack-destination", str(work)], work)
    tarball = work / package.tarball
    if _integrity(tarball) != package.integrity:
        raise WartaError(f"Berkas {tarball.name} dari registry npm tidak sesuai sidik yang "
                         "dipatok (integrity). Jangan dipakai; laporkan ke admin Diskominfotik.")
    with tarfile.open(tarball) as archive:
        for inner, served in package.files:
            source = archive.extractfile(archive.getmember(f"package/{inner}"))
            if source is None:
                raise WartaError(f"{inner} hilang dari paket {package.name}@{package.version}.")
            out = staged / served
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(source.read())


def cms_files(folder: Path) -> list[tuple[Path, str]]:
    """(file, path under /admin/) for each file the browser may load."""
    return [(folder / name, name) for name in SERVED if (folder / name).is_file()]


def precompress(folder: Path) -> None:
    """A .gz beside each text file, for servers that send precompressed files (nginx `gzip_static`,
    `warta serve`): the editor's first load over a mobile connection is ~3x smaller."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in GZIP_SUFFIXES:
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)

"""Incremental, atomic deploys of a built site to a web server's folder, with rsync.

Layout on the target (a local folder, `user@host:/path` over SSH, or `rsync://host/module/path`):

    releases/<id>/     one complete copy of the site per deploy
    current -> releases/<id>

A deploy copies the site into a new release folder with `rsync --link-dest` against the
current release, so an unchanged file is a hard link to the previous release's copy and only
changed files travel. rsync compares size and modification time (reading the whole site on
both sides with `--checksum` cost more than the transfer); `warta build` keeps the previous
time on every file of a rebuilt shard whose bytes did not change, so the times say exactly
what changed. The web server serves
`current/`; once the new release is complete, `current` is replaced in one rename (a new
symlink written under a temporary name, then renamed over the old one), so a visitor sees
either the whole old site or the whole new one. The previous release stays for
`warta deploy --rollback`. rsync is the maintained tool for exactly this transfer; only the
release bookkeeping is Warta's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warta.errors import UsageError, WartaError

RELEASES = "releases"
CURRENT = "current"
KEEP = 3  # releases kept: the current one and the two before it
_RELEASE = re.compile(r"^\d{8}T\d{12}Z$")
_REMOTE = re.compile(r"^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+:(?!//)")


@dataclass(frozen=True)
class Target:
    """Where releases go: a local folder or an rsync destination (SSH or daemon)."""

    dest: str  # rsync's spelling of the target folder, no trailing slash
    local: Path | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        text = text.strip()
        if not text:
            raise UsageError("`--to` kosong: isi folder, `user@host:/path` atau `rsync://host/modul/path`.")
        if text.startswith("rsync://") or _REMOTE.match(text):
            return cls(text.rstrip("/"))
        path = Path(text).expanduser().absolute()
        return cls(str(path), path)

    def path(self, *parts: str) -> str:
        return "/".join([self.dest, *parts])

    def __str__(self) -> str:
        return self.dest


@dataclass(frozen=True)
class DeployResult:
    release: str
    previous: str | None
    files_sent: int
    bytes_sent: int
    files_total: int


def _rsync(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("rsync") is None:
        raise WartaError("`rsync` belum terpasang. Pasang dulu: `sudo apt-get install rsync`.")
    try:
        result = subprocess.run(["rsync", *args], capture_output=True, text=True, check=False,
                                timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WartaError(f"rsync tidak dapat dijalankan: {exc}.") from None
    return result


def _fail(what: str, result: subprocess.CompletedProcess[str]) -> WartaError:
    detail = (result.stderr or result.stdout).strip()[-500:]
    return WartaError(f"{what} gagal (rsync keluar dengan kode {result.returncode}): {detail}")


def releases(target: Target) -> list[str]:
    """The release folders on the target, oldest first."""
    if target.local is not None:
        folder = target.local / RELEASES
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    else:
        result = _rsync("--list-only", target.path(RELEASES) + "/")
        if result.returncode != 0:
            return []
        names = [line.split()[-1] for line in result.stdout.splitlines() if line.startswith("d")]
    return sorted(n for n in names if _RELEASE.match(n))


def current(target: Target) -> str | None:
    """The release `current` points at, if any."""
    if target.local is not None:
        try:
            link = os.readlink(target.local / CURRENT)
        except OSError:
            return None
    else:
        result = _rsync("--list-only", "--links", target.path(CURRENT))
        if result.returncode != 0 or " -> " not in result.stdout:
            return None
        link = result.stdout.strip().split(" -> ", 1)[1]
    name = link.rstrip("/").rsplit("/", 1)[-1]
    return name if _RELEASE.match(name) else None


def _switch(target: Target, release: str) -> None:
    """Point `current` at the release in one rename."""
    link = f"{RELEASES}/{release}"
    if target.local is not None:
        staged = target.local / f".{CURRENT}.{os.getpid()}.tmp"
        staged.unlink(missing_ok=True)
        os.symlink(link, staged)
        os.replace(staged, target.local / CURRENT)
        return
    # rsync writes a symlink under a temporary name and renames it into place.
    with tempfile.TemporaryDirectory(prefix="warta-deploy-") as tmp:
        os.symlink(link, Path(tmp) / CURRENT)
        result = _rsync("--links", str(Path(tmp) / CURRENT), target.dest + "/")
    if result.returncode != 0:
        raise _fail(f"Mengganti `{CURRENT}` di {target}", result)


def _prune(target: Target, keep: list[str]) -> None:
    old = [r for r in releases(target) if r not in keep]
    if not old:
        return
    if target.local is not None:
        for name in old:
            shutil.rmtree(target.local / RELEASES / name, ignore_errors=True)
        return
    with tempfile.TemporaryDirectory(prefix="warta-deploy-") as empty:
        filters = [f"--include=/{name}/***" for name in old]
        result = _rsync("--recursive", "--delete", *filters, "--exclude=*", empty + "/",
                        target.path(RELEASES) + "/")
    if result.returncode != 0:
        raise _fail(f"Menghapus rilis lama di {target}", result)


def _stat(output: str, label: str) -> int:
    match = re.search(rf"^{re.escape(label)}: ([\d,.]+)", output, re.M)
    return int(re.sub(r"[,.]", "", match.group(1))) if match else 0


def new_release_id(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def deploy(site: Path, target: Target, *, keep: int = KEEP) -> DeployResult:
    """Copy `site` into a new release on the target, then switch `current` to it."""
    if not (site / "index.html").is_file():
        raise UsageError(f"`{site}` bukan situs hasil `warta build` (tidak ada index.html). "
                         "Jalankan `warta build` dulu.")
    before = current(target)
    release = new_release_id()
    existing = releases(target)
    if existing and release <= existing[-1]:  # a clock that went back: still the newest name
        last = datetime.strptime(existing[-1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        release = new_release_id(last + timedelta(microseconds=1))
    args = ["--recursive", "--links", "--perms", "--times", "--delete", "--mkpath", "--stats",
            "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r", "--exclude=_warta/"]
    if before is not None:
        args.append(f"--link-dest=../{before}")
    result = _rsync(*args, str(site) + "/", target.path(RELEASES, release) + "/")
    if result.returncode != 0:
        raise _fail(f"Mengirim situs ke {target}", result)
    _switch(target, release)
    kept = [r for r in releases(target) if r <= release][-keep:]
    _prune(target, kept)
    return DeployResult(release, before, _stat(result.stdout, "Number of regular files transferred"),
                        _stat(result.stdout, "Total transferred file size"),
                        _stat(result.stdout, "Number of files"))


def rollback(target: Target) -> tuple[str, str]:
    """Point `current` back at the release before it; returns (from, to)."""
    now = current(target)
    if now is None:
        raise UsageError(f"Belum ada rilis di {target}: tidak ada yang dapat dikembalikan.")
    older = [r for r in releases(target) if r < now]
    if not older:
        raise UsageError(f"Tidak ada rilis sebelum {now} di {target}: tidak ada yang dapat dikembalikan.")
    _switch(target, older[-1])
    return now, older[-1]

"""Hard time and memory limits around the parsing of untrusted pull-request content.

`warta report` and `warta gate evaluate` read what a pull request wrote (front matter, roster
files, images, captions) in jobs that may hold a write token. Every parser Warta uses is meant
to be linear, but a missed pathological case must cost a bounded amount, not the runner: the
work runs in a forked child process with `RLIMIT_AS` (memory), `RLIMIT_CPU` and a wall-clock
timeout, and anything that goes wrong there fails closed with a clear message.

Only Linux gets the child (fork keeps the loaded modules, so it costs milliseconds, and
`setrlimit` is enforced there); elsewhere the work runs in-process without limits, which is
fine for a developer's laptop and never the case on the Ubuntu runners.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from warta.errors import WartaError

T = TypeVar("T")
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    seconds: float = 300.0  # wall clock, including git and waiting
    cpu_seconds: int = 240
    memory_bytes: int = 2048 * MB  # address space of the child (RLIMIT_AS)

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, each overridable by the workflow (`WARTA_LIMIT_SECONDS`, `…_CPU_SECONDS`, `…_MEMORY_MB`)."""
        default = cls()
        try:
            return cls(
                seconds=float(os.environ.get("WARTA_LIMIT_SECONDS", default.seconds)),
                cpu_seconds=int(os.environ.get("WARTA_LIMIT_CPU_SECONDS", default.cpu_seconds)),
                memory_bytes=int(os.environ.get("WARTA_LIMIT_MEMORY_MB", default.memory_bytes // MB)) * MB,
            )
        except ValueError:
            raise WartaError("WARTA_LIMIT_SECONDS, WARTA_LIMIT_CPU_SECONDS dan WARTA_LIMIT_MEMORY_MB harus "
                             "berupa angka.", exit_code=2) from None


class LimitExceeded(WartaError):
    """The limited work was stopped (time, CPU or memory) or died: treat as refused (exit 1)."""


def enforced() -> bool:
    return sys.platform.startswith("linux")


def run_limited(fn: Callable[..., T], *args: Any, what: str, limits: Limits | None = None) -> T:
    """`fn(*args)` under hard limits; its result, its WartaError, or LimitExceeded."""
    limits = limits or Limits.from_env()
    if not enforced():
        return fn(*args)
    sys.stdout.flush()  # or the child would print the parent's pending output a second time
    sys.stderr.flush()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fn, args, limits), daemon=True)
    child.start()
    sender.close()
    message: tuple[Any, ...] | None = None
    try:
        if receiver.poll(limits.seconds):
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                message = None  # the child died before answering
        else:
            message = ("timeout",)
    finally:
        receiver.close()
        _kill(child)
    return _outcome(message, child.exitcode, what, limits)


def _outcome(message: tuple[Any, ...] | None, exitcode: int | None, what: str, limits: Limits) -> Any:
    advice = ("Pull request ini memuat berkas yang terlalu besar atau dibuat untuk membebani pemeriksaan; "
              "perkecil atau hapus berkas tersebut, atau hubungi admin Diskominfotik.")
    if message is not None and message[0] == "ok":
        return message[1]
    if message is not None and message[0] == "warta":
        raise WartaError(message[1], exit_code=message[2])
    if message is not None and message[0] == "bug":
        raise LimitExceeded(f"{what} gagal karena kesalahan tak terduga; dianggap ditolak. {advice}\n{message[1]}")
    if message is not None and message[0] == "timeout":
        reason = f"batas waktu {limits.seconds:g} detik"
    elif message is not None and message[0] == "memory":
        reason = f"batas memori {limits.memory_bytes // MB} MB"
    elif exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        reason = f"batas waktu CPU {limits.cpu_seconds} detik"
    else:
        reason = f"proses berhenti tidak wajar (kode {exitcode})"
    raise LimitExceeded(f"{what} dihentikan: {reason}; hasilnya dianggap ditolak. {advice}")


def _child(sender: Connection, fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> None:
    import resource

    os.setpgid(0, 0)  # git and other helpers it starts are killed with it
    _lower(resource.RLIMIT_AS, limits.memory_bytes, grace=0)
    _lower(resource.RLIMIT_CPU, limits.cpu_seconds, grace=5)  # SIGXCPU, then SIGKILL if caught
    try:
        message: tuple[Any, ...] = ("ok", fn(*args))
    except MemoryError:
        message = ("memory",)
    except WartaError as exc:
        message = ("warta", exc.message, exc.exit_code)
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails closed
        message = ("bug", traceback.format_exc(limit=-3))
    try:
        sender.send(message)
    except MemoryError:
        sender.send(("memory",))
    sender.close()


def _lower(kind: int, soft: int, *, grace: int) -> None:
    """Set a limit in the child; never above what the parent already had."""
    import resource

    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
        resource.setrlimit(kind, (soft, hard))
    else:
        resource.setrlimit(kind, (soft, soft + grace))


def _kill(child: Any) -> None:
    if child.is_alive():
        try:  # the child's own process group: it and the git processes it started
            os.killpg(child.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            child.kill()
    child.join()

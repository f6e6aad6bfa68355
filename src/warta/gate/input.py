"""Parse and check the JSON input of `warta gate evaluate`; every problem names its key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from warta.errors import UsageError
from warta.gate.models import ChangedFile, Review

_GITHUB_STATUS = {"added": "A", "removed": "D", "modified": "M", "renamed": "R",
                  "copied": "C", "changed": "T", "unchanged": "M"}
_LETTERS = "AMDRCT"


class GateInputError(UsageError):
    """The input file is not what DESIGN's contract describes (exit 2)."""


@dataclass(frozen=True)
class GateInput:
    repo: str
    base_sha: str
    head_sha: str
    author: str
    reviews: tuple[Review, ...]
    changed_files: tuple[ChangedFile, ...] | None = None
    commit_authors: tuple[str, ...] | None = None
    author_id: int | None = None


def _bad(key: str, problem: str) -> GateInputError:
    return GateInputError(f"Masukan gate tidak sah: `{key}` {problem}.")


def _text(data: dict[str, Any], key: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _bad(where + key, "wajib diisi berupa teks")
    return value.strip()


def _optional_id(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(where + key, "harus berupa bilangan bulat (id numerik GitHub)")
    return value


def _status(raw: Any, key: str) -> str:
    if not isinstance(raw, str) or not raw:
        raise _bad(key, "harus berupa status seperti `M`, `A`, `D`, `R` atau `renamed`")
    letter = _GITHUB_STATUS.get(raw.lower()) or raw[0].upper()
    if letter not in _LETTERS:
        raise _bad(key, f"berisi status `{raw}` yang tidak dikenal")
    return letter


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((item[k] for k in keys if item.get(k) is not None), None)


def _name_status_line(line: str, where: str) -> ChangedFile:
    """A `git diff --name-status` line: `M<TAB>path` or `R100<TAB>old<TAB>new`."""
    parts = line.split("\t")
    status = _status(parts[0], where)
    if status in "RC" and len(parts) == 3:
        return ChangedFile(parts[2], status, parts[1])
    if len(parts) != 2 or status in "RC":
        raise _bad(where, f"berisi baris `{line}` yang bukan keluaran --name-status")
    return ChangedFile(parts[1], status)


def _changed_file(item: Any, index: int) -> ChangedFile:
    where = f"changed_files[{index}]"
    if isinstance(item, str) and "\t" in item:
        return _name_status_line(item, where)
    if isinstance(item, str) and item:
        return ChangedFile(item)
    if not isinstance(item, dict):
        raise _bad(where, "harus berupa jalur berkas atau objek {status, path, old_path}")
    path = _first(item, ("path", "filename", "new_path", "new"))
    if not isinstance(path, str) or not path:
        raise _bad(where + ".path", "wajib diisi")
    status = _status(item.get("status", "M"), where + ".status")
    old = _first(item, ("old_path", "previous_filename", "previous_path", "old"))
    if old is not None and (not isinstance(old, str) or not old):
        raise _bad(where + ".old_path", "harus berupa jalur berkas")
    if status in "RC" and not old:
        raise _bad(where + ".old_path", "wajib diisi untuk berkas yang diganti nama/disalin")
    return ChangedFile(path, status, old)


def _when(value: Any, key: str) -> datetime:
    if not isinstance(value, str):
        raise _bad(key, "wajib diisi berupa waktu ISO 8601, misalnya 2026-11-20T09:00:00Z")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise _bad(key, f"berisi `{value}` yang bukan waktu ISO 8601") from None
    if parsed.tzinfo is None:
        raise _bad(key, "harus menyebut zona waktu (misalnya akhiran `Z`)")
    return parsed


def _review(item: Any, index: int) -> Review | None:
    where = f"reviews[{index}]."
    if not isinstance(item, dict):
        raise _bad(f"reviews[{index}]", "harus berupa objek {user, state, commit_id, submitted_at}")
    if isinstance(item.get("user"), dict):  # the REST shape: {"user": {"login", "id"}}
        account = item["user"]
        item = {**item, "user": account.get("login"),
                "user_id": item.get("user_id", account.get("id"))}
    state = _text(item, "state", where).upper()
    if state == "PENDING":
        return None  # an unsubmitted review approves nothing
    return Review(
        user=_text(item, "user", where).lstrip("@"),
        state=state,
        commit_id=_text(item, "commit_id", where),
        submitted_at=_when(item.get("submitted_at"), where + "submitted_at"),
        user_id=_optional_id(item, "user_id", where),
    )


def parse_gate_input(data: Any) -> GateInput:
    """The checked input; raises GateInputError naming the first offending key."""
    if not isinstance(data, dict):
        raise GateInputError("Masukan gate tidak sah: isi berkas harus berupa objek JSON.")
    reviews = data.get("reviews")
    if not isinstance(reviews, list):
        raise _bad("reviews", "wajib diisi berupa daftar (boleh kosong)")
    files = data.get("changed_files")
    if files is not None and not isinstance(files, list):
        raise _bad("changed_files", "harus berupa daftar berkas")
    authors = data.get("commit_authors")
    if authors is not None and (not isinstance(authors, list)
                                or not all(isinstance(a, str) for a in authors)):
        raise _bad("commit_authors", "harus berupa daftar login GitHub")
    return GateInput(
        repo=_text(data, "repo"),
        base_sha=_text(data, "base_sha"),
        head_sha=_text(data, "head_sha"),
        author=_text(data, "author").lstrip("@"),
        reviews=tuple(r for i, item in enumerate(reviews) if (r := _review(item, i))),
        changed_files=None if files is None
        else tuple(_changed_file(f, i) for i, f in enumerate(files)),
        commit_authors=None if authors is None else tuple(authors),
        author_id=_optional_id(data, "author_id", ""),
    )

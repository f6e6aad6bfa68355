"""Plain data the approval verdict is computed from, and the verdict itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from warta.roster.models import bare_name

# GitHub lists at most 3,000 files of a pull request; beyond that we cannot see the change.
MAX_CHANGED_FILES = 3000

APPROVED = "APPROVED"
COMMENTED = "COMMENTED"
PENDING = "PENDING"

_NOREPLY = re.compile(r"^(?:(\d+)\+)?([^@]+)@users\.noreply\.github\.com$", re.I)


@dataclass(frozen=True)
class ChangedFile:
    """A changed path; `old_path` is set for renames and copies (both paths are touched)."""

    path: str
    status: str = "M"
    old_path: str | None = None

    def touched(self) -> list[str]:
        return [self.path] if not self.old_path else [self.old_path, self.path]


@dataclass(frozen=True)
class Review:
    user: str
    state: str
    commit_id: str
    submitted_at: datetime
    user_id: int | None = None


@dataclass(frozen=True)
class Contributors:
    """Whoever wrote the change: logins, numeric ids and names (from commits and trailers)."""

    logins: frozenset[str] = frozenset()
    ids: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def from_strings(cls, values: list[str], ids: list[int] | None = None) -> Contributors:
        """Each string may be a login or a person's name; both readings are kept."""
        cleaned = [v.strip().lstrip("@") for v in values if v and v.strip()]
        return cls(frozenset(v.lower() for v in cleaned), frozenset(ids or ()),
                   frozenset(bare_name(v) for v in cleaned))

    @classmethod
    def from_identities(cls, pairs: list[tuple[str, str]]) -> Contributors:
        """Names and e-mails from git: a GitHub noreply address yields the login and id."""
        strings: list[str] = []
        ids: list[int] = []
        for name, email in pairs:
            strings.append(name)
            match = _NOREPLY.match(email.strip())
            if match:
                strings.append(match.group(2))
                if match.group(1):
                    ids.append(int(match.group(1)))
            elif "@" in email:
                strings.append(email.split("@", 1)[0])
        return cls.from_strings(strings, ids)

    def __or__(self, other: Contributors) -> Contributors:
        return Contributors(self.logins | other.logins, self.ids | other.ids,
                            self.names | other.names)


@dataclass(frozen=True)
class PullRequest:
    """What the verdict needs to know about one pull request."""

    author: str
    head_sha: str
    changed_files: tuple[ChangedFile, ...]
    reviews: tuple[Review, ...] = ()
    contributors: Contributors = field(default_factory=Contributors)
    media_center_posts: frozenset[str] = frozenset()
    author_id: int | None = None
    unreadable_posts: tuple[tuple[str, str], ...] = ()  # (path, why) of changed posts at head


@dataclass(frozen=True)
class Requirement:
    scope: str
    eligible: tuple[str, ...]
    satisfied_by: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, "eligible": list(self.eligible),
                "satisfied_by": self.satisfied_by, "reason": self.reason}


@dataclass(frozen=True)
class Verdict:
    requirements: tuple[Requirement, ...]
    failed_closed: bool = False

    @property
    def approved(self) -> bool:
        return (not self.failed_closed and bool(self.requirements)
                and all(r.satisfied_by for r in self.requirements))

    def as_dict(self) -> dict[str, Any]:
        return {"approved": self.approved,
                "requirements": [r.as_dict() for r in self.requirements]}

"""Findings: every problem Warta reports, as `path:line: code: message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    code: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} ({self.severity}): {self.message}"


def error(file: str, line: int, code: str, message: str) -> Finding:
    return Finding(file, line, code, Severity.ERROR, message)


def warning(file: str, line: int, code: str, message: str) -> Finding:
    return Finding(file, line, code, Severity.WARNING, message)


def has_errors(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    """True if any finding fails the check (warnings too when strict)."""
    return any(strict or f.severity is Severity.ERROR for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(set(findings), key=lambda f: (f.file, f.line, f.code, f.message))

"""A small declarative schema for YAML mappings, reporting every problem with its line."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from warta.findings import Finding, error
from warta.timeutil import DateParseError, as_date, as_wib
from warta.yamlsrc import YamlDoc

Checker = Callable[[Any], str | None]  # returns an Indonesian problem description or None


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "harus berupa teks"


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "harus `true` atau `false`"


def _is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else "harus berupa angka bulat"


def _is_date(value: Any) -> str | None:
    try:
        as_date(value)
    except DateParseError:
        return "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2026-11-20"
    return None


def _is_datetime(value: Any) -> str | None:
    try:
        as_wib(value)
    except DateParseError:
        return (
            "harus berupa tanggal dan jam, misalnya `2026-11-20 09:00` (WIB) "
            "atau `2026-11-20T09:00:00+07:00`"
        )
    return None


def _is_str_list(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return None
    return "harus berupa daftar teks, misalnya `[satu, dua]`"


def _is_str_or_str_list(value: Any) -> str | None:
    return None if isinstance(value, str) else _is_str_list(value)


TYPES: dict[str, Checker] = {
    "str": _is_str,
    "bool": _is_bool,
    "int": _is_int,
    "date": _is_date,
    "datetime": _is_datetime,
    "list[str]": _is_str_list,
    "str|list[str]": _is_str_or_str_list,
}


@dataclass(frozen=True)
class Field:
    type: str = "str"  # a TYPES key, "mapping" (with `fields`) or "list" (with `items`)
    required: bool = False
    nullable: bool = False
    fields: Mapping[str, Field] = field(default_factory=dict)
    items: Field | None = None
    open: bool = False  # a mapping whose keys are free (e.g. per-channel settings)
    hint: str = ""


def suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return f" Mungkin maksud Anda `{close[0]}`?" if close else ""


def check_mapping(
    doc: YamlDoc, file: str, schema: Mapping[str, Field], *, code_prefix: str, what: str
) -> list[Finding]:
    """Validate doc.data (a mapping) against schema; every problem becomes a finding."""
    findings: list[Finding] = []
    if not isinstance(doc.data, dict):
        return [error(file, doc.line(), f"{code_prefix}-not-mapping",
                      f"Isi {what} harus berupa pasangan `kunci: nilai`.")]
    _check(doc, file, doc.data, (), schema, findings, code_prefix, what)
    return findings


def _check(
    doc: YamlDoc,
    file: str,
    data: dict[Any, Any],
    path: tuple[str | int, ...],
    schema: Mapping[str, Field],
    findings: list[Finding],
    prefix: str,
    what: str,
) -> None:
    known = list(schema)
    for key in data:
        if str(key) not in schema:
            dotted = ".".join(str(p) for p in (*path, key))
            findings.append(error(
                file, doc.line(*path, str(key)), f"{prefix}-unknown-key",
                f"Kunci `{dotted}` tidak dikenal di {what}.{suggest(str(key), known)} "
                f"Kunci yang boleh: {', '.join(known)}.",
            ))
    for key, spec in schema.items():
        key_path = (*path, key)
        dotted = ".".join(str(p) for p in key_path)
        if key not in data:
            if spec.required:
                findings.append(error(
                    file, doc.line(*path), f"{prefix}-missing-key",
                    f"Kunci wajib `{dotted}` belum ada di {what}. Tambahkan `{key}: ...`.",
                ))
            continue
        _check_value(doc, file, data[key], key_path, dotted, spec, findings, prefix, what)


def _check_value(
    doc: YamlDoc,
    file: str,
    value: Any,
    path: tuple[str | int, ...],
    dotted: str,
    spec: Field,
    findings: list[Finding],
    prefix: str,
    what: str,
) -> None:
    line = doc.line(*path)
    if value is None:
        if not spec.nullable:
            findings.append(error(file, line, f"{prefix}-empty",
                                  f"`{dotted}` kosong. Isi nilainya atau hapus barisnya."))
        return
    if spec.type == "mapping":
        if not isinstance(value, dict):
            findings.append(error(file, line, f"{prefix}-type",
                                  f"`{dotted}` harus berupa pasangan `kunci: nilai`."))
        elif not spec.open:
            _check(doc, file, value, path, spec.fields, findings, prefix, what)
        return
    if spec.type == "list":
        if not isinstance(value, list):
            findings.append(error(file, line, f"{prefix}-type",
                                  f"`{dotted}` harus berupa daftar (baris yang diawali `- `)."))
            return
        assert spec.items is not None
        for index, item in enumerate(value):
            _check_value(doc, file, item, (*path, index), f"{dotted}[{index + 1}]",
                         spec.items, findings, prefix, what)
        return
    problem = TYPES[spec.type](value)
    if problem:
        hint = f" {spec.hint}" if spec.hint else ""
        findings.append(error(file, line, f"{prefix}-type", f"`{dotted}` {problem}.{hint}"))

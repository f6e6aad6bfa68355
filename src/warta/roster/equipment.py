"""Equipment of the Tim Publikasi (Pedoman IX): what the roster's `peralatan` section holds.

Pedoman IX lists the minimum every agency must provide: (1) a laptop (Core i5 or
equivalent), (2) a DSLR/mirrorless camera with HD photos and 4K video, (3) a phone to run the
social media accounts, (4) internet at the office and outside it (live coverage, uploads).
A roster without `peralatan` is "belum diisi" (unknown): no gap is ever invented for it.
"""

from __future__ import annotations

from typing import Any

from warta.findings import Finding, error, warning
from warta.roster.models import EQUIPMENT, EQUIPMENT_CONDITIONS, GOOD_CONDITION, Equipment
from warta.schema import Field, suggest
from warta.yamlsrc import YamlDoc

ITEM = Field("mapping", fields={
    "kondisi": Field("str", required=True, hint=f"Pilihan: {', '.join(EQUIPMENT_CONDITIONS)}."),
    "jumlah": Field("int"),
    "catatan": Field("str", nullable=True),
})
OTHER = Field("mapping", fields={"nama": Field("str", required=True), **ITEM.fields})
SCHEMA = Field("mapping", nullable=True, fields={**{key: ITEM for key in EQUIPMENT},
                                                 "lainnya": Field("list", items=OTHER)})


def _entry(key: str, label: str, data: Any) -> Equipment:
    data = data if isinstance(data, dict) else {}
    condition = data.get("kondisi")
    count = data.get("jumlah")
    return Equipment(key, label, condition if isinstance(condition, str) else "",
                     count if isinstance(count, int) and not isinstance(count, bool) else None,
                     str(data.get("catatan") or "").strip())


def equipment_from_data(value: Any) -> tuple[Equipment, ...] | None:
    """The `peralatan` section as Equipment rows (IX's list first); None when not filled in."""
    if not isinstance(value, dict) or not value:
        return None
    rows = [_entry(key, label, value[key]) for key, label in EQUIPMENT.items() if key in value]
    others = value.get("lainnya")
    for item in others if isinstance(others, list) else []:
        if isinstance(item, dict) and isinstance(item.get("nama"), str):
            rows.append(_entry("lainnya", item["nama"].strip(), item))
    return tuple(rows)


def equipment_rules(file: str, doc: YamlDoc, value: Any) -> list[Finding]:
    """Unknown conditions and counts are errors; an item of IX's list left out is a warning."""
    if not isinstance(value, dict) or not value:
        return []
    out: list[Finding] = []
    places: list[tuple[tuple[str | int, ...], Any]] = [(("peralatan", k), v) for k, v in value.items()
                                                       if k in EQUIPMENT]
    others = value.get("lainnya")
    places += [(("peralatan", "lainnya", i), v) for i, v in enumerate(others if isinstance(others, list) else [])]
    for path, item in places:
        if not isinstance(item, dict):
            continue
        condition, count = item.get("kondisi"), item.get("jumlah")
        if isinstance(condition, str) and condition not in EQUIPMENT_CONDITIONS:
            out.append(error(file, doc.line(*path, "kondisi"), "peralatan-condition",
                             f"Kondisi `{condition}` tidak dikenal.{suggest(condition, list(EQUIPMENT_CONDITIONS))} "
                             f"Pilihan: {', '.join(EQUIPMENT_CONDITIONS)}."))
        if isinstance(count, int) and not isinstance(count, bool) and count < 0:
            out.append(error(file, doc.line(*path, "jumlah"), "peralatan-count",
                             f"`jumlah` tidak boleh negatif ({count})."))
        if condition == GOOD_CONDITION and count == 0:
            out.append(error(file, doc.line(*path, "jumlah"), "peralatan-count",
                             "`jumlah: 0` dengan kondisi `baik`: tulis `kondisi: tidak ada` bila memang "
                             "tidak punya."))
    for key, label in EQUIPMENT.items():
        if key not in value:
            out.append(warning(file, doc.line("peralatan"), "peralatan-item-missing",
                               f"{label} (Pedoman IX) belum dicatat di `peralatan`. Tambahkan `{key}: "
                               "{kondisi: baik}` atau `{kondisi: tidak ada}`."))
    return out

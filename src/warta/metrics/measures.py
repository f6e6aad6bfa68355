"""The five measures of Pedoman XI, each defined from source numbers.

Every computed measure carries its components and the source numbers they came from
(`MeasureValue.inputs`), so a figure on a dashboard can be traced back to the networks'
own counts. The same definitions are written out for people in docs/metrics.md.

Source numbers (see `warta.metrics.model.SOURCE_FIELDS`) plus three from the comments:
`people_talking` (distinct public commenters), `public_replies` (public replies to other
public comments) and `returning_commenters` (commenters who had commented in an earlier
month), and `followers_start` (followers at the end of the month before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["sum", "ratio"]


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    sources: tuple[str, ...]  # summed
    per: tuple[str, ...] = ()  # for a ratio: the denominator's sources, summed


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    pedoman: str
    unit: str
    kind: Kind
    components: tuple[Component, ...]
    explanation: str


@dataclass(frozen=True)
class MeasureValue:
    key: str
    label: str
    value: float | None
    unit: str
    components: dict[str, float | None] = field(default_factory=dict)
    inputs: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "label": self.label, "value": self.value, "unit": self.unit,
                "components": self.components, "inputs": self.inputs}


MEASURES: tuple[Measure, ...] = (
    Measure("jangkauan", "Jangkauan", "XI (1)", "orang/tautan", "sum", (
        Component("tautan_masuk", "Tautan yang merujuk ke pesan", ("links_in",)),
        Component("dibagikan", "Jumlah dibagikan", ("shares", "quotes")),
        Component("membicarakan", "Orang yang membicarakan pesan", ("people_talking",)),
        Component("hubungan_baru", "Hubungan baru (pengikut baru)", ("new_followers",)),
    ), "Jumlah keempat komponen: tautan masuk + dibagikan (termasuk kutipan) + orang berbeda yang "
       "berkomentar + pengikut baru."),
    Measure("frekuensi", "Frekuensi dan Lalu-Lintas", "XI (2)", "kunjungan", "sum", (
        Component("kunjungan", "Jumlah kunjungan", ("views", "visits")),
        Component("pengunjung", "Jumlah pengunjung", ("reach", "visitors")),
        Component("pengunjung_kembali", "Pengunjung yang kembali", ("returning_visitors",)),
    ), "Nilai utama = kunjungan: tayangan di jaringan (views) + kunjungan halaman situs. Pengunjung = "
       "akun yang dijangkau (reach) + pengunjung unik situs."),
    Measure("pengaruh", "Pengaruh", "XI (3)", "interaksi", "sum", (
        Component("pembahasan", "Pembahasan (balasan antarwarga)", ("public_replies",)),
        Component("komentar", "Komentar", ("comments",)),
        Component("dibagikan", "Dibagikan dan dikirim", ("shares",)),
    ), "Jumlah balasan warga atas komentar warga lain + komentar + dibagikan."),
    Measure("percakapan", "Percakapan dan Keberhasilan", "XI (4)", "tindakan", "sum", (
        Component("diklik", "Pesan yang diklik", ("clicks",)),
        Component("diunduh", "Pesan yang diunduh", ("downloads",)),
        Component("diadopsi", "Pesan yang diadopsi (disimpan/ditandai)", ("saves",)),
    ), "Jumlah klik + unduhan lampiran situs + simpanan/penanda (tanda warga memakai pesan)."),
    Measure("keberlanjutan", "Keberlanjutan", "XI (5)", "%", "ratio", (
        Component("anggota_bertahan", "Keberlanjutan anggota komunitas", ("retained_followers",),
                  ("followers_start",)),
        Component("loyalitas", "Loyalitas (pengomentar yang kembali)", ("returning_commenters",),
                  ("people_talking",)),
        Component("sering_kembali", "Khalayak yang sering berkunjung kembali", ("returning_visitors",),
                  ("visitors",)),
    ), "Rata-rata persentase yang tersedia: pengikut yang bertahan dari pengikut awal bulan, "
       "pengomentar yang pernah berkomentar sebelumnya, dan pengunjung situs yang kembali."),
)
BY_KEY = {m.key: m for m in MEASURES}


def _sum(numbers: dict[str, int], names: tuple[str, ...]) -> int:
    return sum(int(numbers.get(n, 0)) for n in names)


def derived_inputs(numbers: dict[str, int]) -> dict[str, int]:
    """Source numbers plus what the measures derive from them (retained followers)."""
    out = {k: int(v) for k, v in numbers.items()}
    if out.get("followers_start"):
        out["retained_followers"] = max(0, out["followers_start"] - out.get("lost_followers", 0))
    return out


def compute(measure: Measure, numbers: dict[str, int]) -> MeasureValue:
    """One measure from source numbers; the inputs it read are kept beside it."""
    nums = derived_inputs(numbers)
    used = sorted({s for c in measure.components for s in (*c.sources, *c.per)})
    inputs = {name: nums[name] for name in used if name in nums}
    components: dict[str, float | None] = {}
    if measure.kind == "sum" and not inputs:
        return MeasureValue(measure.key, measure.label, None, measure.unit,
                            {c.key: None for c in measure.components}, inputs)
    if measure.kind == "sum":
        for comp in measure.components:
            components[comp.key] = float(_sum(nums, comp.sources))
        head = measure.components[0].sources if measure.key == "frekuensi" else None
        value: float | None = float(_sum(nums, head)) if head else sum(
            v for v in components.values() if v is not None)
    else:
        for comp in measure.components:
            denominator = _sum(nums, comp.per)
            present = all(s in nums for s in comp.sources)
            components[comp.key] = round(100.0 * _sum(nums, comp.sources) / denominator, 1) \
                if denominator > 0 and present else None
        ratios = [v for v in components.values() if v is not None]
        value = round(sum(ratios) / len(ratios), 1) if ratios else None
    return MeasureValue(measure.key, measure.label, value, measure.unit, components, inputs)


def compute_all(numbers: dict[str, int]) -> list[MeasureValue]:
    return [compute(m, numbers) for m in MEASURES]

"""Topics of the public's comments: keyword clusters for what people write to agencies."""

from __future__ import annotations

import re
from collections import Counter

from warta.metrics.sentiment import tokens

CLUSTERS: dict[str, tuple[str, ...]] = {
    "Jalan dan infrastruktur": ("jalan", "jembatan", "aspal", "diaspal", "berlubang", "drainase", "lampu",
                                "proyek", "gedung", "bangunan", "trotoar", "parit", "got"),
    "Kesehatan": ("rsud", "rumah", "puskesmas", "dokter", "perawat", "obat", "vaksin", "vaksinasi", "bpjs",
                  "posyandu", "stunting", "pasien", "sakit", "kesehatan", "imunisasi"),
    "Pendidikan": ("sekolah", "guru", "ppdb", "zonasi", "beasiswa", "siswa", "mahasiswa", "murid", "kuliah"),
    "Bantuan sosial": ("bansos", "bantuan", "blt", "pkh", "sembako", "subsidi", "cair", "penerima"),
    "Pajak dan Samsat": ("pajak", "samsat", "pemutihan", "stnk", "bpkb", "retribusi"),
    "Kepegawaian": ("cpns", "pppk", "honorer", "asn", "pns", "seleksi", "gaji", "formasi"),
    "Lowongan dan pelatihan": ("lowongan", "kerja", "pelatihan", "prakerja", "pengangguran", "umkm", "job"),
    "Bencana dan lingkungan": ("banjir", "gempa", "tsunami", "longsor", "evakuasi", "sampah", "tpa",
                               "kebakaran", "damkar", "sirine", "bencana"),
    "Pariwisata dan budaya": ("wisata", "pantai", "festival", "tabot", "tiket", "benteng", "danau", "budaya"),
    "Air, listrik, sinyal": ("air", "pdam", "listrik", "pln", "padam", "sinyal", "internet"),
    "Transportasi": ("bus", "kapal", "pelabuhan", "angkot", "parkir", "macet", "trans", "bandara", "pesawat"),
    "Pertanian dan perikanan": ("pupuk", "petani", "bibit", "panen", "nelayan", "sawit", "kopi", "ternak"),
    "Layanan dan informasi": ("pelayanan", "layanan", "info", "informasi", "jadwal", "pendaftaran", "syarat",
                              "link", "aplikasi", "website", "admin", "pengaduan", "formulir", "kantor"),
}
STOPWORDS = frozenset(("yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "ada", "sudah", "saya", "kami",
                       "kita", "min", "pak", "bu", "ya", "yg", "dgn", "dengan", "juga", "saja", "aja", "tidak",
                       "gak", "ga", "belum", "sama", "lagi", "bisa", "atau", "kalau", "kalo", "jadi", "pada",
                       "akan", "apa", "kapan", "mana", "berapa", "bagaimana", "terima", "kasih", "terima-kasih",
                       "mohon", "tolong", "sekali", "sangat", "banget", "nya", "tahun", "hari", "jam", "masih"))
OTHER = "Lainnya"


def topic_of(text: str) -> str:
    """The cluster with the most keyword hits (ties: the first listed); `Lainnya` if none."""
    words = tokens(text)
    best, hits = OTHER, 0
    for name, keys in CLUSTERS.items():
        count = sum(1 for w in words if w in keys or w.removesuffix("nya") in keys)
        if count > hits:
            best, hits = name, count
    return best


MENTION = re.compile(r"@\w[\w.]*|https?://\S+")


def keywords(texts: list[str], top: int = 8, min_comments: int = 2) -> list[tuple[str, int]]:
    """Frequent content words for the public summary: @mentions and links removed, and only
    words found in at least `min_comments` comments, so no one person's words stand out."""
    counts: Counter[str] = Counter()
    for text in texts:
        words = tokens(MENTION.sub(" ", text))
        counts.update({w.removesuffix("nya") for w in words if len(w) > 3 and w not in STOPWORDS})
    return [(w, n) for w, n in counts.most_common() if n >= min_comments][:top]

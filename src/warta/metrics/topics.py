"""Topics of the public's comments: keyword clusters for what people write to agencies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.metrics.lexicon import NEGATIVE, POSITIVE
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
MIN_PEOPLE = 5  # a word reaches the public page only when at least this many people used it
# What the store may keep of a comment's words: the topic keywords and the sentiment lexicon, all
# public lists, so no name, address or other free text of a citizen is ever stored or shown.
VOCABULARY = frozenset(w for keys in CLUSTERS.values() for w in keys) | frozenset(
    w for w in (*POSITIVE, *NEGATIVE) if w.isalpha() and len(w) > 3)


def topic_words(text: str) -> tuple[str, ...]:
    """The vocabulary words of one comment, each once and sorted (no order, no text)."""
    words = {w.removesuffix("nya") if w not in VOCABULARY else w for w in tokens(MENTION.sub(" ", text))}
    return tuple(sorted(w for w in words if w in VOCABULARY and w not in STOPWORDS))


def keywords(comments: Iterable[tuple[str, Iterable[str]]], top: int = 8,
             min_people: int = MIN_PEOPLE) -> list[tuple[str, int]]:
    """Words for the public summary from (author key, words) pairs, counted in distinct people:
    a word shows only when `min_people` people used it, so no one person's words stand out."""
    people: dict[str, set[str]] = {}
    for author, words in comments:
        for word in set(words):
            people.setdefault(word, set()).add(author)
    ranked = sorted(((w, len(a)) for w, a in people.items() if len(a) >= min_people), key=lambda x: (-x[1], x[0]))
    return ranked[:top]

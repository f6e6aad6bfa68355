"""The offline Indonesian sentiment lexicon: word → weight, with informal and slang forms.

Written for comments on government posts: praise, thanks and wishes are positive;
complaints about service, roads, money and honesty are negative. Words that turn
positive when done ("cair", "diperbaiki") carry a small weight so that "belum cair"
reads as a complaint. Questions carry no weight by themselves.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


POSITIVE: dict[str, float] = {w: 1.0 for w in _words("""
bagus baik mantap mantab mantul mantep mantaap keren kece hebat luar-biasa salut bangga top
makasih makasi terimakasih trims thanks tq thx nuhun alhamdulillah syukur bersyukur
aamiin amin barakallah masyaallah subhanallah sukses berhasil selamat semangat sehat
ramah sopan sabar sigap tanggap responsif gercep gesit cepat cekatan disiplin rajin profesional
jelas lengkap informatif bermanfaat manfaat membantu terbantu memudahkan mudah praktis gampang lancar
bersih rapi asri indah cantik nyaman aman tertib meriah seru asik asyik menarik cakep
puas senang bahagia gembira suka cinta love good nice great best bravo sip oke ok okay josss jos
apresiasi setuju dukung mendukung support peduli adil transparan jujur amanah berkualitas berprestasi
maju sejahtera meningkat turun-stunting mulus gratis murah terjangkau tepat tepat-waktu dipertahankan
sukses-selalu semoga berkelanjutan penting inspiratif kreatif inovatif solutif paham
""")}
POSITIVE.update({
    # done-words: weak alone, but their negation is a complaint
    "cair": 0.5, "dibayar": 0.5, "diperbaiki": 0.5, "ditindaklanjuti": 0.8, "ditanggapi": 0.8,
    "dibalas": 0.5, "respon": 0.5, "direspon": 0.8, "dijawab": 0.5, "selesai": 0.5, "diaspal": 0.8,
    "dibersihkan": 0.5, "diangkut": 0.5, "ada": 0.0, "becus": 1.0, "guna": 0.5, "gunanya": 0.5,
    "realisasi": 0.5, "perhatian": 0.5, "solusi": 0.5, "sosialisasi": 0.3, "kabar": 0.3,
    "tanggapan": 0.5, "jawaban": 0.5, "tindakan": 0.5, "tindak-lanjut": 0.5, "efektif": 1.0,
    "nyangka": 0.0, "datang": 0.3, "balas": 0.5,
    "terima-kasih": 1.5, "penertiban": 0.5, "ditertibkan": 0.3, "ditambah": 0.3, "bisa": 0.0,
})

NEGATIVE: dict[str, float] = {w: -1.0 for w in _words("""
buruk jelek parah lambat lamban lelet lemot lama ribet rumit susah sulit mahal kotor jorok bau
rusak hancur berlubang bolong bocor macet padam mati error eror down gangguan gagal langka habis kosong
kecewa mengecewakan kesal kesel marah sedih capek cape lelah kasihan bingung menyebalkan nyebelin
bohong hoax hoaks pencitraan omdo korupsi koruptor pungli nepotisme kkn zalim dzalim curang
malas males telat terlambat molor ngaret mangkrak terbengkalai dibiarkan percuma sia-sia boros
payah bobrok bodoh goblok tolol bego bangsat sampah memalukan kacau amburadul semrawut
tipu penipuan menipu formalitas doang judes galak cuek sombong bahaya berbahaya rugi kelaparan
dibuang liar jarang penuh tinggi pengangguran bocor banjir tergenang putus hampir-putus
""")}
NEGATIVE.update({"kok": -0.5, "kurang": -1.0, "sampai-kapan": -1.5, "gimana-sih": -1.0,
                 "bagaimana-ini": -1.0, "ke-mana": -0.3, "tolong": -0.3, "sedikit": -0.5,
                 "buang-buang": -1.5, "foto-foto": -0.5, "main-hp": -1.0, "tidak-adil": -1.0})

NEGATORS = frozenset(_words("""
tidak tak tdk gak ga gk nggak ngga nggk enggak engga egak kagak ndak nda ora belum blm blom bukan bkn
jangan jgn tanpa kurang
"""))
INTENSIFIERS = {"sangat": 1.5, "sekali": 1.5, "banget": 1.5, "bgt": 1.5, "amat": 1.3, "paling": 1.5,
                "sungguh": 1.3, "benar-benar": 1.5, "bener-bener": 1.5, "makin": 1.2, "semakin": 1.2,
                "terlalu": 1.3, "super": 1.5, "sama-sekali": 1.5}
PHRASES = {
    ("terima", "kasih"): "terima-kasih", ("luar", "biasa"): "luar-biasa", ("sama", "sekali"): "sama-sekali",
    ("sampai", "kapan"): "sampai-kapan", ("sampe", "kapan"): "sampai-kapan", ("gimana", "sih"): "gimana-sih",
    ("bagaimana", "ini"): "bagaimana-ini", ("ke", "mana"): "ke-mana", ("tepat", "waktu"): "tepat-waktu",
    ("tindak", "lanjut"): "tindak-lanjut", ("main", "hp"): "main-hp", ("hampir", "putus"): "hampir-putus",
    ("sukses", "selalu"): "sukses-selalu", ("benar", "benar"): "benar-benar", ("tidak", "adil"): "tidak-adil",
}
EMOJI: dict[str, float] = {
    "👍": 1.0, "👏": 1.0, "❤": 1.0, "😍": 1.0, "😊": 1.0, "🥰": 1.0, "🔥": 1.0, "💪": 1.0, "🙏": 0.3,
    "😁": 0.5, "😀": 0.5, "👎": -1.0, "😡": -1.0, "😠": -1.0, "🤬": -1.5, "😤": -1.0, "😭": -0.5, "😢": -0.5,
    "🙄": -1.0, "😒": -1.0,
}

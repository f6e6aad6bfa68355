"""Quality rules run on each loaded post before the Kepala PD sees it (Pedoman VII.4)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import time
from functools import cache
from pathlib import Path, PurePosixPath

from warta.channels.captions import render_caption
from warta.channels.limits import GIF_MAX_BYTES_X, LIMITS, MB, PHOTO_MAX_BYTES, PHOTO_MAX_LONG_SIDE
from warta.check.media import (
    MAX_PIXELS,
    ImageInfo,
    MediaError,
    TooManyPixels,
    image_info,
    is_video_container,
    video_duration,
)
from warta.check.personal import personal_number_findings
from warta.content.files import regular_file_inside
from warta.content.models import MediaItem, Post
from warta.content.scaffold import PLACEHOLDER_BODY
from warta.findings import Finding, error, warning
from warta.media.lock import LockEntry, LockError, load_lock, locked_path
from warta.media.store import store_config
from warta.roster.models import Province
from warta.timeutil import WIB

HD = (1280, 720)
TITLE_RANGE = (10, 70)
SUMMARY_RANGE = (50, 160)
SCHEDULE_HOURS = (time(6, 0), time(21, 0))
GENERIC_ALT = {"foto", "gambar", "image", "photo", "img", "dokumentasi", "kegiatan", "foto kegiatan"}
# Pedoman VI: ASN neutrality and state secrets; flagged for the Kepala PD to look at, not forbidden.
ETHICS_WORDS = ("coblos", "nomor urut", "paslon", "kampanye", "dukung calon", "rahasia negara",
                "sangat rahasia", "pilih nomor")


@dataclass
class Context:
    root: Path
    province: Province
    image_cache: dict[str, ImageInfo | MediaError] = field(default_factory=dict)
    locks: dict[str, dict[str, LockEntry]] = field(default_factory=dict)

    def locked(self, repo_path: str) -> LockEntry | None:
        """The media.lock entry of a photo kept in the province's media store, if any."""
        parts = repo_path.split("/", 2)
        if len(parts) < 3 or store_config(self.province.media_store) is None:
            return None
        if parts[1] not in self.locks:
            try:
                self.locks[parts[1]] = load_lock(self.root, parts[1])
            except LockError:
                self.locks[parts[1]] = {}  # reported once by `media-lock-invalid`
        return self.locks[parts[1]].get(parts[2])

    def image(self, repo_path: str) -> ImageInfo | MediaError | None:
        # Missing files are reported by the loader, symlinks by `content-symlink`: neither is opened.
        path = regular_file_inside(self.root, repo_path) if repo_path else None
        if path is None:
            entry = self.locked(repo_path) if repo_path else None
            if entry is None:
                return None
            # The store's bytes are verified against this sha256 when the site is built.
            fmt = {"image/jpeg": "JPEG", "image/webp": "WEBP", "image/png": "PNG"}.get(entry.content_type, "?")
            return ImageInfo(fmt, entry.width, entry.height, entry.size)
        if repo_path not in self.image_cache:
            try:
                self.image_cache[repo_path] = image_info(path)
            except MediaError as exc:
                self.image_cache[repo_path] = exc
        return self.image_cache[repo_path]


Rule = Callable[[Context, Post], Iterable[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def check_post_quality(ctx: Context, post: Post) -> list[Finding]:
    return [finding for check in RULES for finding in check(ctx, post)]


def _texts(post: Post) -> Iterator[tuple[str, str, int]]:
    """(where, text, line) for every text that is published."""
    yield "judul", post.title, post.line("title")
    yield "ringkasan", post.summary, post.line("summary")
    for channel, text in post.captions.items():
        yield f"caption {channel}", text, post.line("captions", channel)
    for offset, line in enumerate(post.body.splitlines()):
        yield "isi", line, post.body_line + offset


# --- per-network rules ----------------------------------------------------------------------


@rule
def caption_limits(ctx: Context, post: Post) -> Iterator[Finding]:
    for channel in post.channels:
        limits = LIMITS.get(channel)
        if limits is None:
            continue
        caption = render_caption(post, channel, ctx.province.site_url)
        if channel in post.captions and not post.captions[channel].strip():
            yield warning(post.path, post.line("captions", channel), "caption-empty",
                          f"`captions.{channel}` kosong, jadi caption otomatis yang dipakai. Isi atau hapus "
                          "barisnya.")
        line = post.line("captions", channel) if caption.overridden else post.line("title")
        unit = {"x": "karakter berbobot", "youtube": "byte"}.get(channel, "karakter")
        if caption.over_limit:
            yield error(post.path, line, "caption-too-long",
                        f"Caption {limits.label} {caption.length} {unit}, batasnya {caption.limit}. "
                        f"Persingkat `captions.{channel}`.")
        elif caption.cut:
            yield warning(post.path, line, "caption-cut",
                          f"Caption {limits.label} melebihi {caption.limit} {unit}; yang dibuang: "
                          f"{', '.join(caption.cut)}. Tulis `captions.{channel}` sendiri bila perlu.")
        if limits.max_hashtags is not None:
            count = len(re.findall(r"(?<!\w)#\w+", caption.text))
            if count > limits.max_hashtags:
                yield error(post.path, line, "hashtags-too-many",
                            f"{limits.label} menerima paling banyak {limits.max_hashtags} tagar; ada {count}.")
        if limits.max_mentions is not None:
            count = len(re.findall(r"(?<![\w.])@\w+", caption.text))
            if count > limits.max_mentions:
                yield error(post.path, line, "mentions-too-many",
                            f"{limits.label} menerima paling banyak {limits.max_mentions} sebutan (@); ada {count}.")
        if channel == "youtube" and len(post.title) > 100:
            yield warning(post.path, post.line("title"), "youtube-title-cut",
                          f"Judul {len(post.title)} karakter; YouTube hanya menerima 100, judul akan dipotong.")
        if channel == "youtube" and len(",".join(post.tags)) > (limits.max_tags_chars or 0):
            yield error(post.path, post.line("tags"), "youtube-tags-too-long",
                        f"Tag YouTube total lebih dari {limits.max_tags_chars} karakter. Kurangi `tags`.")


def _local_video(post: Post) -> str | None:
    if post.video and not re.match(r"^https?://", post.video):
        return str(PurePosixPath(post.path).parent / post.video)
    return None


@rule
def required_media(ctx: Context, post: Post) -> Iterator[Finding]:
    for channel in post.channels:
        limits = LIMITS.get(channel)
        if limits is None:
            continue
        has_video = post.video is not None
        if limits.needs == "video" and not has_video:
            yield error(post.path, post.line("channels"), "media-required",
                        f"{limits.label} hanya menerima video. Tambahkan `video:` atau hapus `{channel}` "
                        "dari `channels`.")
        elif limits.needs == "media" and not (post.media or has_video):
            yield error(post.path, post.line("channels"), "media-required",
                        f"{limits.label} tidak menerima unggahan tanpa foto atau video. Tambahkan `media:` "
                        f"atau hapus `{channel}` dari `channels`.")
        if limits.max_images is not None and len(post.media) > limits.max_images:
            make = error if channel == "x" else warning
            yield make(post.path, post.line("media"), "too-many-images",
                       f"{limits.label} menerima paling banyak {limits.max_images} foto per unggahan; ada "
                       f"{len(post.media)}.")


def _channel_image_rules(post: Post, item: MediaItem, info: ImageInfo, line: int) -> Iterator[Finding]:
    """Per-network rules for one photo; `line` is its `file:` line."""
    for channel in post.channels:
        limits = LIMITS.get(channel)
        if limits is None or not limits.image_formats:
            continue
        name = item.file
        if info.format not in limits.image_formats:
            yield error(post.path, line, "image-format",
                        f"{name} berformat {info.format}; {limits.label} menerima "
                        f"{'/'.join(limits.image_formats)}. Simpan ulang sebagai JPEG.")
            continue
        max_bytes = GIF_MAX_BYTES_X if channel == "x" and info.format == "GIF" else limits.max_image_bytes
        if max_bytes and info.bytes > max_bytes:
            yield error(post.path, line, "image-too-large",
                        f"{name} berukuran {info.bytes / MB:.1f} MB; {limits.label} menerima paling besar "
                        f"{max_bytes / MB:.0f} MB. Kompres fotonya.")
        if channel == "instagram":
            if limits.min_aspect and limits.max_aspect and not (
                    limits.min_aspect - 0.005 <= info.aspect <= limits.max_aspect + 0.005):
                yield error(post.path, line, "image-aspect",
                            f"{name} berasio {info.width}×{info.height} ({info.aspect:.2f}); Instagram menerima "
                            "4:5 (0,8) sampai 1,91:1. Pangkas fotonya.")
            if limits.min_width and info.width < limits.min_width:
                yield error(post.path, line, "image-width",
                            f"{name} lebarnya {info.width} px; Instagram meminta minimal {limits.min_width} px.")


@rule
def images(ctx: Context, post: Post) -> Iterator[Finding]:
    for index, item in enumerate(post.media):
        line = post.line("media", index, "file")
        if not item.alt:  # on `alt:` when written empty, else on the item
            yield error(post.path, post.line("media", index, "alt"), "alt-missing",
                        f"Foto {item.file} belum punya `alt`. Tulis apa yang terlihat di foto, untuk "
                        "pembaca tunanetra dan mesin pencari.")
        elif _meaningless_alt(item):
            yield warning(post.path, post.line("media", index, "alt"), "alt-meaningless",
                          f"`alt: {item.alt}` tidak menjelaskan foto. Tulis apa yang terlihat, misalnya "
                          "\"Gubernur meninjau posko banjir di Kelurahan Sawah Lebar\".")
        info = ctx.image(item.path)
        if info is None:
            continue
        if isinstance(info, TooManyPixels):
            yield error(post.path, line, "image-too-many-pixels",
                        f"{item.file} berukuran {info} piksel, lebih dari {MAX_PIXELS // 1_000_000} megapiksel; "
                        "berkas seperti ini tidak dibuka agar pemeriksaan dan pembuatan situs tidak macet. "
                        "Perkecil ke sisi terpanjang ≤ 2560 px (≤ 1 MB).")
            continue
        if isinstance(info, MediaError):
            yield error(post.path, line, "image-unreadable",
                        f"{item.file} tidak dapat dibaca sebagai gambar ({info}). Ekspor ulang sebagai JPEG.")
            continue
        long_side, short_side = max(info.width, info.height), min(info.width, info.height)
        if long_side < HD[0] or short_side < HD[1]:
            yield warning(post.path, line, "image-low-resolution",
                          f"{item.file} berukuran {info.width}×{info.height}; Pedoman IX meminta foto minimal HD "
                          "(1280×720). Pakai foto asli dari kamera.")
        if info.bytes > PHOTO_MAX_BYTES or long_side > PHOTO_MAX_LONG_SIDE:
            yield error(post.path, line, "image-huge",
                        f"{item.file} terlalu besar ({info.width}×{info.height}, {info.bytes / MB:.1f} MB); batasnya "
                        f"sisi terpanjang {PHOTO_MAX_LONG_SIDE} px dan {PHOTO_MAX_BYTES // MB} MB, agar repositori "
                        f"tetap kecil. Perbaiki dengan `warta media fix {item.path}` (atau tambahkan foto dengan "
                        f"`warta media add FOTO --post {post.path}`).")
        yield from _channel_image_rules(post, item, info, line)


def _meaningless_alt(item: MediaItem) -> bool:
    alt = item.alt.strip().lower()
    stem = PurePosixPath(item.file).stem.lower()
    return (alt in GENERIC_ALT or alt in (item.file.lower(), PurePosixPath(item.file).name.lower(), stem,
                                          stem.replace("-", " ").replace("_", " "))
            or len(alt) < 10 or bool(re.fullmatch(r"(img|dsc|foto|image)?[\s_-]*\d+(\.\w+)?", alt)))


@rule
def video_file(ctx: Context, post: Post) -> Iterator[Finding]:
    local = _local_video(post)
    path = regular_file_inside(ctx.root, local) if local else None
    stored = locked_path(ctx.root, local) if local and path is None else None
    seconds: float | None = None
    if stored is not None:
        # In the media store (media.lock): `warta media add` checked the container and read the
        # duration before uploading; the lock's figures are those of the approved bytes.
        size, seconds = stored.size, stored.duration
    elif path is None:
        return  # missing (the loader says so) or a symlink (`content-symlink`): never opened
    elif not is_video_container(path):
        yield error(post.path, post.line("video"), "video-not-video",
                    f"`video: {post.video}` bukan berkas video MP4/MOV (isinya tidak diawali kotak `ftyp`). "
                    "Ekspor ulang videonya sebagai MP4 (H.264) dari kamera atau aplikasi penyunting.")
        return
    else:
        size = path.stat().st_size
    try:
        if path is not None:
            seconds = video_duration(path)
        elif seconds is None:
            raise MediaError("durasi tidak tercatat di media.lock")
    except MediaError as exc:
        seconds = None
        yield error(post.path, post.line("video"), "video-unreadable",
                    f"Durasi `video: {post.video}` tidak dapat dibaca ({exc}), jadi batas durasi tiap media "
                    "sosial tidak dapat diperiksa. Ekspor ulang videonya sebagai MP4 (H.264) dari kamera atau "
                    "aplikasi penyunting.")
    for channel in post.channels:
        limits = LIMITS.get(channel)
        if limits is None:
            continue
        if limits.max_video_bytes and size > limits.max_video_bytes:
            yield error(post.path, post.line("video"), "video-too-large",
                        f"Video {size / MB:.0f} MB; {limits.label} menerima paling besar "
                        f"{limits.max_video_bytes / MB:.0f} MB.")
        if seconds is None:
            continue
        if limits.max_video_seconds and seconds > limits.max_video_seconds:
            yield error(post.path, post.line("video"), "video-too-long",
                        f"Video {seconds:.0f} detik; {limits.label} menerima paling lama "
                        f"{limits.max_video_seconds:.0f} detik.")
        if limits.min_video_seconds and seconds < limits.min_video_seconds:
            yield error(post.path, post.line("video"), "video-too-short",
                        f"Video {seconds:.1f} detik; {limits.label} meminta minimal {limits.min_video_seconds} detik.")


# --- privacy and ethics -----------------------------------------------------------------------

@rule
def personal_numbers(ctx: Context, post: Post) -> Iterator[Finding]:
    """NIP and NIK in every published field and rendered caption (`warta.check.personal`)."""
    yield from personal_number_findings(post, ctx.province.site_url)


PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{3,4}){2,3}(?!\d)")
# The look-behind lets a match start only where a run of address characters starts: without it
# every position of a long run is tried and scanned to the run's end (quadratic: a 1 MB line
# took about 50 minutes). With it each character is looked at a bounded number of times.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@rule
def privacy(ctx: Context, post: Post) -> Iterator[Finding]:
    for where, text, line in _texts(post):
        for match in PHONE.finditer(text):
            yield error(post.path, line, "privacy-phone",
                        f"{where.capitalize()} memuat nomor telepon `{match.group().strip()}`. Nomor pribadi "
                        "tidak boleh dipublikasikan; pakai nomor layanan resmi instansi.")
        for match in EMAIL.finditer(text):
            if not match.group().lower().endswith(".go.id"):
                yield error(post.path, line, "privacy-email",
                            f"{where.capitalize()} memuat alamat e-mail `{match.group()}`. Pakai e-mail resmi "
                            "(.go.id) atau hapus.")


@cache
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


@rule
def sensitive_words(ctx: Context, post: Post) -> Iterator[Finding]:
    for where, text, line in _texts(post):
        for word in ctx.province.sensitive_words:
            if _word_pattern(word).search(text):
                yield error(post.path, line, "sensitive-word",
                            f"{where.capitalize()} memuat kata `{word}` yang tidak pantas untuk akun pemerintah "
                            "(Pedoman VI). Ganti kata tersebut.")
        for word in ETHICS_WORDS:
            if _word_pattern(word).search(text):
                yield warning(post.path, line, "ethics-word",
                              f"{where.capitalize()} memuat `{word}`. Pastikan netralitas ASN dan tidak ada "
                              "rahasia negara (Pedoman VI) sebelum disetujui.")


# --- content ---------------------------------------------------------------------------------

# No part of a link may contain `[`, so an attempt that starts at one `[` never reads past
# the next: linear time on any line (`[^\]]*` made `[[[[…` and `[](…` quadratic). Targets with
# brackets or parentheses are not post links (post file names are letters, digits and `-`).
MD_LINK = re.compile(r"\[[^\[\]]*\]\(([^()\[\]\s]+)(?:\s+\"[^\"\[\]]*\")?\)")


@rule
def content(ctx: Context, post: Post) -> Iterator[Finding]:
    low, high = TITLE_RANGE
    if not low <= len(post.title) <= high:
        yield warning(post.path, post.line("title"), "title-length",
                      f"Judul {len(post.title)} karakter; agar utuh di hasil pencarian, pakai {low}–{high} karakter.")
    if not post.summary:
        yield warning(post.path, 1, "summary-missing",
                      "Belum ada `summary`: tulis satu kalimat (50–160 karakter) untuk hasil pencarian "
                      "dan media sosial.")
    elif not SUMMARY_RANGE[0] <= len(post.summary) <= SUMMARY_RANGE[1]:
        yield warning(post.path, post.line("summary"), "summary-length",
                      f"Ringkasan {len(post.summary)} karakter; pakai {SUMMARY_RANGE[0]}–{SUMMARY_RANGE[1]} karakter.")
    if not post.body.strip():
        yield error(post.path, 1, "body-empty", "Isi berita kosong. Tulis isi berita di bawah `---` penutup.")
    elif PLACEHOLDER_BODY in post.body:
        yield warning(post.path, post.body_line, "body-placeholder",
                    "Isi berita masih berupa teks contoh dari `warta new`. Ganti dengan isi berita.")
    if post.publish_at is not None:
        if post.publish_at < post.date:
            yield error(post.path, post.line("publish_at"), "publish-before-date",
                        f"`publish_at` ({post.publish_at:%Y-%m-%d %H:%M}) lebih awal dari `date` "
                        f"({post.date:%Y-%m-%d %H:%M}). Jadwal tayang harus sesudah tanggal berita.")
        local = post.publish_at.astimezone(WIB).time()
        if not SCHEDULE_HOURS[0] <= local <= SCHEDULE_HOURS[1]:
            yield warning(post.path, post.line("publish_at"), "schedule-hours",
                          f"Jadwal tayang {local:%H:%M} WIB di luar jam 06.00–21.00; khalayak sedang tidur.")
    folder = PurePosixPath(post.path).parent
    for offset, line in enumerate(post.body.splitlines()):
        for target in MD_LINK.findall(line):
            if re.match(r"^[a-z]+:|^#|^/", target):
                continue
            path = target.split("#")[0]
            if not path.endswith(".md"):
                continue
            resolved = (ctx.root / folder / path).resolve()
            if not resolved.is_file():
                yield error(post.path, post.body_line + offset, "broken-link",
                            f"Tautan `{target}` menuju berita yang tidak ada. Periksa nama berkasnya.")


# --- raw HTML and script in the body (issue #17) ---------------------------------------------
# The site sanitises the rendered body (warta.site.sanitize) whatever this rule says; the rule
# tells the author early, on the Markdown they wrote, with the same extensions as mkdocs.yml.
BODY_EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes",
                   "pymdownx.details", "pymdownx.superfences"]
SCRIPT_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "svg", "math", "style",
                         "form", "base", "meta", "link", "template"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "xlink:href",
                            "background", "cite", "srcset"})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def _body_html(body: str, raw_html: bool) -> str:
    import markdown

    md = markdown.Markdown(extensions=BODY_EXTENSIONS)
    if not raw_html:  # the same body with every `<…>` as text: the difference is the raw HTML
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
    return md.convert(body)


def _unsafe_parts(html: str) -> tuple[list[str], list[str]]:
    """(script tags and handler/style attributes, script URLs) in rendered HTML; the parser
    decodes entities as a browser does, so `jav&#x61;script:` is seen for what it is."""
    from html.parser import HTMLParser

    scripts: list[str] = []
    urls: list[str] = []

    class Scan(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in SCRIPT_TAGS:
                scripts.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on") or name in ("style", "srcdoc"):
                    scripts.append(name)
                compact = re.sub(r"[\x00-\x20]+", "", value or "").lower()
                if name in URL_ATTRIBUTES and compact.startswith(SCRIPT_SCHEMES):
                    urls.append(compact.split(",")[0][:40])

    Scan(convert_charrefs=True).feed(html)
    return scripts, urls


def _body_line(post: Post, *needles: str) -> int:
    for offset, line in enumerate(post.body.splitlines()):
        if any(needle and needle.lower() in line.lower() for needle in needles):
            return post.body_line + offset
    return post.body_line


@rule
def body_html(ctx: Context, post: Post) -> Iterator[Finding]:
    if not any(mark in post.body for mark in "<{:&"):
        return
    rendered = _body_html(post.body, raw_html=True)
    scripts, urls = _unsafe_parts(rendered)
    if urls:
        scheme = urls[0].split(":")[0]
        yield error(post.path, _body_line(post, urls[0], scheme, "script:", "&#"), "body-script-url",
                    f"Tautan `{urls[0]}` tidak diizinkan: alamat `{scheme}:` dapat menjalankan skrip. "
                    "Pakai alamat http(s)://, mailto: atau jalur relatif ke berkas di samping berita.")
    if scripts:
        yield error(post.path, _body_line(post, scripts[0].strip("<>"), "{:"), "body-script",
                    f"Isi berita memuat `{scripts[0]}` (skrip, penangan peristiwa atau gaya). "
                    "Situs membuangnya; hapus bagian itu dan tulis dengan Markdown biasa.")
    elif rendered != _body_html(post.body, raw_html=False):
        yield warning(post.path, _body_line(post, "<"), "body-raw-html",
                      "Isi berita memuat HTML mentah. Situs hanya menampilkan tag yang aman dan "
                      "membuang sisanya; tulis dengan Markdown (mis. **tebal**, [tautan](https://…)).")

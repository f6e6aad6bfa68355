"""NIP and NIK in everything a post publishes (UU 27/2022 on personal data protection).

Hand-written rather than a library: no maintained package knows Indonesia's NIP (18 digits:
birth date 8, appointment year-month 6, sex 1, sequence 3) or NIK (16 digits: region 6,
birth date 6 with day + 40 for women, sequence 4). The scan is linear: one regular
expression whose repetition is unambiguous (digits and separators are disjoint classes, so
nothing can backtrack), then a bounded look at each run's digit groups.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from warta.channels.captions import render_caption
from warta.content.models import Post
from warta.findings import Finding, error

# Digit groups joined by at most three separators: "19880101 201001 2 001", "1988.0101.2010",
# "1771-0123-4567-0001", "foto_19880101_201001_2_001.jpg", a no-break space from a word processor.
_SEPARATORS = " \u00a0\u202f\u2007._\u2010\u2011\u2012\u2013-"
_RUN = re.compile(rf"[0-9]+(?:[{re.escape(_SEPARATORS)}]{{1,3}}[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")
_URL = re.compile(r"https?://[^\s<>\"')\]]*")
# Province codes of Indonesia (Kemendagri): the first two digits of every NIK.
_PROVINCES = frozenset({*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66),
                        *range(71, 77), 81, 82, *range(91, 97)})
NIP_DIGITS, NIK_DIGITS = 18, 16


@dataclass(frozen=True)
class PersonalNumber:
    kind: str  # "nip" or "nik"
    digits: str
    printed: str

    @property
    def masked(self) -> str:
        """Enough for the writer to find it, too little to publish it again (PR comments are public)."""
        return f"{self.digits[:4]}…{self.digits[-4:]}"


def _kind(digits: str) -> str | None:
    if len(digits) == NIP_DIGITS and digits[:2] in ("19", "20") and digits[8] in "12" and digits[14] in "12":
        return "nip"  # birth year 19xx/20xx, appointment year 1xxx/2xxx, sex digit 1 or 2
    if len(digits) == NIK_DIGITS and int(digits[:2]) in _PROVINCES:
        return "nik"
    return None


def find_personal_numbers(text: str) -> list[PersonalNumber]:
    """Every NIP- or NIK-shaped number in `text`, however its digits are grouped."""
    text = _URL.sub(" ", unicodedata.normalize("NFKC", text))  # fullwidth digits become ASCII
    found: list[PersonalNumber] = []
    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(run.group()))
        start = 0
        while start < len(groups):
            best: tuple[int, str] | None = None
            total = 0
            # Windows of whole groups, longest kind wins (a NIP's first 16 digits may look like a
            # NIK); a window holds at most 18 digits, so the work per group is bounded.
            for end in range(start, len(groups)):
                total += len(groups[end].group())
                if total > NIP_DIGITS:
                    break
                if total in (NIK_DIGITS, NIP_DIGITS):
                    digits = "".join(g.group() for g in groups[start:end + 1])
                    if _kind(digits) is not None:
                        best = (end, digits)
            if best is None:
                start += 1
                continue
            end, digits = best
            printed = run.group()[groups[start].start():groups[end].end()]
            found.append(PersonalNumber(_kind(digits) or "", digits, printed))
            start = end + 1
    return found


@dataclass(frozen=True)
class Field:
    name: str  # as the writer knows it, e.g. "media[2].alt"
    text: str
    line: int


def _line(post: Post, *path: str | int) -> int:
    """Line of the deepest known key of `path` in the front matter."""
    return post.line(*path)


def published_fields(post: Post) -> Iterator[Field]:
    """Every field of a post that reaches the site, its feed, the search index or a network."""
    yield Field("nama berkas", PurePosixPath(post.path).name, 1)
    yield Field("title", post.title, _line(post, "title"))
    yield Field("summary", post.summary, _line(post, "summary"))
    yield Field("author", post.author, _line(post, "author"))
    yield Field("category", post.category, _line(post, "category"))
    for index, tag in enumerate(post.tags):
        yield Field(f"tags[{index + 1}]", tag, _line(post, "tags", index))
    for index, item in enumerate(post.media):
        yield Field(f"media[{index + 1}].file", item.file, _line(post, "media", index, "file"))
        yield Field(f"media[{index + 1}].alt", item.alt, _line(post, "media", index, "alt"))
        yield Field(f"media[{index + 1}].credit", item.credit, _line(post, "media", index, "credit"))
    if post.video:
        yield Field("video", post.video, _line(post, "video"))
    for channel, text in post.captions.items():
        yield Field(f"captions.{channel}", text, _line(post, "captions", channel))
    for offset, text in enumerate(post.body.splitlines()):
        yield Field("isi", text, post.body_line + offset)


def rendered_fields(post: Post, site_url: str) -> Iterator[Field]:
    """What each network receives, rendered by the one caption renderer (hashtags join digits)."""
    for channel in post.channels:
        if channel == "website":
            continue
        caption = render_caption(post, channel, site_url)
        line = _line(post, "captions", channel) if caption.overridden else _line(post, "tags")
        for text in (caption.text, caption.title or "", " ".join(caption.tags)):
            yield Field(f"caption {channel} (yang dikirim)", text, line)


_LABEL = {"nip": "NIP", "nik": "NIK"}
CODES = {"nip": "privacy-nip", "nik": "privacy-nik"}


def personal_number_findings(post: Post, site_url: str) -> list[Finding]:
    """One error per NIP/NIK per field; a rendered caption only adds numbers no field showed."""
    findings: list[Finding] = []
    seen: set[str] = set()
    for source in (published_fields(post), rendered_fields(post, site_url)):
        for field in source:
            for number in find_personal_numbers(field.text):
                if field.name.startswith("caption ") and number.digits in seen:
                    continue  # already reported in the field the caption was made from
                seen.add(number.digits)
                findings.append(error(
                    post.path, field.line, CODES[number.kind],
                    f"`{field.name}` memuat angka berbentuk {_LABEL[number.kind]} ({number.masked}). "
                    f"{_LABEL[number.kind]} adalah data pribadi (UU 27/2022) dan akan tampil di situs, "
                    "RSS, pencarian dan media sosial: hapus angka itu."))
    return findings

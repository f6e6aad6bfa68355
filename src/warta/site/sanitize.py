"""An author's Markdown body, made safe to publish: no raw HTML, no script URLs, no handlers.

Front-matter strings are escaped by the templates; the body is Markdown that MkDocs renders
with raw HTML allowed (the generated pages need it), so the author's part is neutralised here.
Code spans and fenced code blocks are left untouched: Markdown already escapes them.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>", re.I)
_SCRIPT_URL = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:(?:[^()]|\([^()]*\))*\)", re.I)
_REF_SCRIPT_URL = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(?:javascript|vbscript|data)\s*:\S*", re.I | re.M)
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_HANDLER = re.compile(r"\bon[a-z]+\s*=|\bstyle\s*=|\bsrcdoc\s*=|\bhref\s*=|\bsrc\s*=", re.I)


def _safe_attr_list(match: re.Match[str]) -> str:
    """attr_list may set classes and ids, never handlers, styles or URLs."""
    return "" if _HANDLER.search(match.group()) else match.group()


def _outside_code(text: str) -> str:
    text = _AUTOLINK.sub(lambda m: f"\x00{m.group(1)}\x01", text)
    text = text.replace("<", "&lt;")
    text = text.replace("\x00", "<").replace("\x01", ">")
    text = _SCRIPT_URL.sub("](#)", text)
    return _ATTR_LIST.sub(_safe_attr_list, text)


def _line_outside_fences(line: str) -> str:
    pieces: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_outside_code(line[position:span.start()]))
        pieces.append(span.group())
        position = span.end()
    pieces.append(_outside_code(line[position:]))
    return "".join(pieces)


def neutralise_html(body: str) -> str:
    """The body with raw HTML shown as text, script URLs and event-handler attributes removed."""
    out: list[str] = []
    fence: str | None = None
    for line in body.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        out.append(_line_outside_fences(line))
    return _REF_SCRIPT_URL.sub(r"\1#", "".join(out))

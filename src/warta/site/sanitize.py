"""An author's rendered post body, made safe to publish: an allowlist of tags, attributes and
URL schemes, applied by nh3 (Ammonia) to the HTML MkDocs renders from the body.

Sanitising the *rendered* HTML closes the class of bypasses a filter over the Markdown source
cannot (escaped backticks around raw HTML, entities inside `javascript:`, a link target on the
next line, quotes inside attr_list): whatever Markdown makes of the source, only the allowlist
reaches the page. Front-matter strings never pass through here: the templates escape them.
"""

from __future__ import annotations

import nh3

# What Python-Markdown and the allowlisted extensions (see warta.site.config) produce.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
# Heading ids (toc), footnote ids and classes (attr_list, admonitions, code highlighting).
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": set(GENERIC_ATTRIBUTES),
    "a": {"href"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "label": {"for"},
    "span": {"data-linenos"},  # pymdownx.highlight line numbers
    "div": {"data-tabs"},  # pymdownx.tabbed
    "input": {"checked", "disabled", "name"},  # pymdownx.tasklist and pymdownx.tabbed
}
# An <input> only as the checkbox/radio those extensions write; never a text field.
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
# Relative URLs (the post's own files, other posts, #anchors) pass; absolute ones need a scheme here.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with `style`

# Material finds its own elements by id (`__config` holds its settings, `__drawer`, `__search`…):
# an author's id must not shadow them. pymdownx.tabbed's own `__tabbed_…` ids are kept.
RESERVED_ID_PREFIX, TABBED_PREFIX = "__", "__tabbed_"


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("id", "name", "for") and value.startswith(RESERVED_ID_PREFIX) \
            and not value.startswith(TABBED_PREFIX):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    tag_attribute_values=ATTRIBUTE_VALUES,
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
    link_rel=None,  # the body cannot set `target`, so no opener to protect
    filter_style_properties=set(STYLE_PROPERTIES),
    attribute_filter=_keep_attribute,
)


def sanitise_body_html(html: str) -> str:
    """The HTML rendered from an author's Markdown, reduced to the allowlist."""
    return _CLEANER.clean(html)

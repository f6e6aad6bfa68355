"""The networks Warta knows, in one table: the label people read and the APIs' default addresses.

Every module that names a network to a person (CLI, site, dashboards, editor) or calls its API
without a `WARTA_<CHANNEL>_API` override takes it from here.
"""

from __future__ import annotations

NETWORKS = ("instagram", "facebook", "x", "youtube", "tiktok")  # the social networks, in display order

LABELS = {
    "website": "Situs web",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
}
NETWORK_LABELS = {channel: LABELS[channel] for channel in NETWORKS}

# The Graph API version dispatch and metrics call: the one Meta's own SDK (facebook-business) targets, so
# a version Meta retires (about two years after release) is noticed when the conformance tests update.
GRAPH_VERSION = "v26.0"
GRAPH_BASE = f"https://graph.facebook.com/{GRAPH_VERSION}"
YOUTUBE_BASE = "https://youtube.googleapis.com"  # the YouTube Data API discovery document's rootUrl
GOOGLE_OAUTH_BASE = "https://oauth2.googleapis.com"
TIKTOK_BASE = "https://open.tiktokapis.com"
X_BASE = "https://api.x.com"


def label(channel: str) -> str:
    """The network's name for people (the key itself when Warta does not know it)."""
    return LABELS.get(channel, channel)

"""Per-network insights adapters: the only metrics code that talks HTTP."""

from __future__ import annotations

from warta.metrics.insights.base import Insights
from warta.metrics.insights.graph import FacebookInsights, InstagramInsights
from warta.metrics.insights.others import TikTokInsights, XInsights, YouTubeInsights

ADAPTERS: dict[str, Insights] = {
    "facebook": FacebookInsights(),
    "instagram": InstagramInsights(),
    "x": XInsights(),
    "youtube": YouTubeInsights(),
    "tiktok": TikTokInsights(),
}

__all__ = ["ADAPTERS", "Insights"]

"""Social networks: limits, X's weighted count, and the shared caption renderer."""

from warta.channels.captions import Caption, render_caption
from warta.channels.limits import LIMITS, ChannelLimits
from warta.channels.xcount import x_weighted_length

__all__ = ["LIMITS", "Caption", "ChannelLimits", "render_caption", "x_weighted_length"]

"""Content: posts in content/<agency>/<yyyy>/<yyyy-mm-dd>-<slug>.md."""

from warta.content.load import FRONT_MATTER, load_post, load_posts, post_files
from warta.content.models import MediaItem, Post, Posts

__all__ = ["FRONT_MATTER", "MediaItem", "Post", "Posts", "load_post", "load_posts", "post_files"]

"""`warta report`: the pull-request comment the Kepala PD reads."""

from warta.review.build import PostReview, Review, build_review
from warta.review.markdown import MARKER, render_markdown

__all__ = ["MARKER", "PostReview", "Review", "build_review", "render_markdown"]

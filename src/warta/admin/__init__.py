"""The web editor at /admin/: Sveltia CMS configured from the roster and the post schema."""

from warta.admin.config import build_config
from warta.admin.page import write_admin

__all__ = ["build_config", "write_admin"]

"""Publishing a built site: incremental releases over rsync, and the nginx configuration."""

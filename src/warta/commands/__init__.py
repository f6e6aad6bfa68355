"""One module per CLI verb; each returns the process exit code."""

"""Dispatch: send approved posts to the agencies' social accounts, exactly once."""

"""Photos and videos: normalised on the way in, optionally kept in an S3-compatible store."""

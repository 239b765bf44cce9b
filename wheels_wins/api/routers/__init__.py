"""One router per resource, each mounted under /api/v1 (health under /api)."""

"""The REST API: one router per resource, typed dependencies, one error envelope (see `app`)."""

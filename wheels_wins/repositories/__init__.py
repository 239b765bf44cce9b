"""The only place with SQL: keyword-only functions, always scoped by the acting user."""

"""The only place with SQL: keyword-only functions, always scoped by the acting user, which each one also
tells PostgreSQL (`row_security.as_user`) so that Row Level Security holds even a query missing its filter."""

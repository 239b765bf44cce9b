"""Request and response schemas: one family (Create, Update, Public) per resource."""

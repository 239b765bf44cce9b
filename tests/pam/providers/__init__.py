"""Provider integrations tested with their real SDKs against local stub servers."""

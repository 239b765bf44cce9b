"""Domain rules, written once for the UI, the REST API and PAM."""

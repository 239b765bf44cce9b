"""PAM's offline language understanding: amounts, dates, entities and intents from plain text."""

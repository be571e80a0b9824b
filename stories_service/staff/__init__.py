"""Staff accounts, authentication (sessions, API tokens) and the moderation console."""

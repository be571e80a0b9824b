"""Publishing: what the public sees (pages, feeds, API), the change counter and the outbox."""

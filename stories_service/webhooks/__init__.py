"""Signed webhooks: endpoint registration, fan-out from the outbox, delivery with retries."""

"""The staff console and the staff API for moderation: the queue, the redaction workspace,
approvals, comparing revisions, and the admin pages (staff accounts, tokens, the audit log)."""

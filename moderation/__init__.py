"""The moderation domain, free of HTTP.

The workflow rules, PII detection and redaction, the leak guard and the audit chain.
"""

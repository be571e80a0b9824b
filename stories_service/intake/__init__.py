"""Submission intake: the form, the JSON endpoint, and the service that stores a submission."""

"""The consent wording survivors are shown, versioned per language, and its hash."""

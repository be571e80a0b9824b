"""Key rotation: re-encrypting what is stored under the current encryption key."""

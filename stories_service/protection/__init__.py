"""Data protection: withdrawal, the survivor's data export, retention, and tombstones."""

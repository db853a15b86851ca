"""Data files shipped with the package (see README, Data sources)."""

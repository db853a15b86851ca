"""toezegging: extract commitments (toezeggingen) from Dutch Kamerbrieven."""

__version__ = "0.1.0"

"""The progression coach, block by block (``app.domain.progression`` is its front door)."""

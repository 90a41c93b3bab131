"""The training core: pure Python, no Qt, no files, no clock reads."""

"""Files and the log store: stdlib sqlite3 and text formats, no Qt."""

"""The progress and history screens. pyqtgraph is imported by their modules only, so that
importing this package name costs nothing: import ``progress_screen`` or ``history_screen``
when the person opens them."""

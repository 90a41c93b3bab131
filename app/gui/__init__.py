"""The Qt window: the only package that imports QtWidgets, QtGui or pyqtgraph."""

"""What a person sees go wrong on a small or odd screen: controls cut off or on top of each
other, text cut short."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QWidget

from app.gui.main_window import MainWindow
from app.gui.reps_keypad import RepsKeypad
from tests.gui.touch import visible_controls


def window_rect(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _inside_scrolled(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _related(a: QWidget, b: QWidget) -> bool:
    return a.isAncestorOf(b) or b.isAncestorOf(a)


Named = list[tuple[str, QWidget]]


def layout_problems(window: MainWindow, screen: str) -> list[str]:
    """Every control outside the window or over another; every label too small for its text."""
    panels = [window.help, window.leave, *window.findChildren(RepsKeypad)]
    on_top = next((panel for panel in panels if panel.isVisible()), None)

    def shown(widget: QWidget) -> bool:
        """Visible to the person: not under a panel drawn over the screen."""
        return on_top is None or on_top.isAncestorOf(widget)

    controls = [
        (name, w) for name, w in visible_controls(window) if not _inside_scrolled(w) and shown(w)
    ]
    # Scrolled panes (the advice, the plan preview, a form) hold no control of their own in
    # the accessibility tree: they must not lie over a control or each other either.
    panes: Named = [
        (pane.objectName() or type(pane).__name__, pane)
        for pane in window.findChildren(QAbstractScrollArea)
        if pane.isVisible() and pane.height() > 0 and not _inside_scrolled(pane) and shown(pane)
    ]
    labels = [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.text() and not _inside_scrolled(label) and shown(label)
    ]
    return [
        *_control_problems(window, screen, controls),
        *_pane_problems(window, screen, panes, controls),
        *(p for label in labels for p in _label_problems(window, screen, label, controls)),
    ]


def _control_problems(window: MainWindow, screen: str, controls: Named) -> list[str]:
    problems = []
    bounds = window.rect()
    for name, widget in controls:
        if not bounds.contains(window_rect(widget, window)):
            problems.append(f"{screen}: {name!r} lies outside the window")
        # The theme's padding included: narrower than its size hint, a button cuts its words.
        if isinstance(widget, QPushButton) and widget.width() < widget.sizeHint().width():
            problems.append(f"{screen}: {name!r} is too narrow for its words")
    for i, (name, widget) in enumerate(controls):
        for other_name, other in controls[i + 1 :]:
            if _related(widget, other):
                continue
            if window_rect(widget, window).intersects(window_rect(other, window)):
                problems.append(f"{screen}: {name!r} overlaps {other_name!r}")
    return problems


def _pane_problems(window: MainWindow, screen: str, panes: Named, controls: Named) -> list[str]:
    problems = []
    for i, (name, pane) in enumerate(panes):
        rect = window_rect(pane, window)
        for other_name, other in [*panes[i + 1 :], *controls]:
            if other is pane or _related(pane, other):
                continue
            if rect.intersects(window_rect(other, window)):
                problems.append(f"{screen}: {name!r} overlaps {other_name!r}")
    return problems


def _label_problems(window: MainWindow, screen: str, label: QLabel, controls: Named) -> list[str]:
    problems = []
    rect = window_rect(label, window)
    if not window.rect().contains(rect):
        problems.append(f"{screen}: text {label.text()!r} lies outside the window")
    if label.wordWrap():
        height = label.heightForWidth(label.width())
        if height > label.height() + 2:
            problems.append(f"{screen}: text {label.text()!r} is cut ({height} > {label.height()})")
    else:
        need = label.sizeHint()
        if need.width() > label.width() + 2 or label.fontMetrics().height() > label.height() + 2:
            problems.append(f"{screen}: text {label.text()!r} is cut ({need} in {label.size()})")
    for name, widget in controls:
        if not _related(label, widget) and rect.intersects(window_rect(widget, window)):
            problems.append(f"{screen}: text {label.text()!r} overlaps {name!r}")
    return problems

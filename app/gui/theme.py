"""Dark (default) and light themes: high contrast from across the room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.storage.resources import ResourceError, resource_path
from app.storage.settings import Theme


@dataclass(frozen=True, slots=True)
class Colours:
    background: str
    surface: str
    text: str
    muted_text: str
    accent: str
    track: str
    danger: str


DARK = Colours("#0b0d10", "#1a1e24", "#f4f6f8", "#b9c0c8", "#4cc2ff", "#2c323a", "#ff6b6b")
LIGHT = Colours("#fbfbf8", "#e9ecef", "#101214", "#3b4046", "#005fb8", "#d5d9de", "#b00020")


def colours(theme: Theme) -> Colours:
    return DARK if theme is Theme.DARK else LIGHT


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Palette plus a style sheet sized from the platform font (so its scaling is kept)."""
    c = colours(theme)
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, c.background),
        (QPalette.ColorRole.Base, c.surface),
        (QPalette.ColorRole.AlternateBase, c.background),
        (QPalette.ColorRole.Button, c.surface),
        (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.ButtonText, c.text),
        (QPalette.ColorRole.PlaceholderText, c.muted_text),
        (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.Mid, c.track),
        (QPalette.ColorRole.HighlightedText, c.background),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    base = max(11.0, app.font().pointSizeF())
    app.setStyleSheet(
        f"""
        QWidget {{ background: {c.background}; color: {c.text}; font-size: {base * 1.5:.0f}pt; }}
        QPushButton {{ background: {c.surface}; border: 2px solid {c.track};
            border-radius: 10px; padding: 10px 22px; }}
        QPushButton:focus, QPushButton:hover {{ border-color: {c.accent}; }}
        QPushButton[primary="true"] {{ background: {c.accent}; color: {c.background};
            font-weight: bold; border-color: {c.accent}; }}
        QListWidget, QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
            background: {c.surface}; border: 2px solid {c.track}; border-radius: 8px;
            padding: 6px; }}
        QSpinBox, QDoubleSpinBox {{ padding-right: 40px; }}
        QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
            width: 38px; border: none; }}
        QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-origin: border;
            subcontrol-position: top right; width: 38px; border-left: 2px solid {c.track};
            border-top-right-radius: 8px; }}
        QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-origin: border;
            subcontrol-position: bottom right; width: 38px; border-left: 2px solid {c.track};
            border-top: 1px solid {c.track}; border-bottom-right-radius: 8px; }}
        {_spin_arrows(theme)}
        QSpinBox:disabled, QDoubleSpinBox:disabled {{ color: {c.muted_text};
            background: {c.track}; }}
        QSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled,
        QDoubleSpinBox::up-arrow:disabled, QDoubleSpinBox::down-arrow:disabled {{ image: none; }}
        QListWidget::item {{ padding: 10px; }}
        QListWidget::item:selected {{ background: {c.accent}; color: {c.background}; }}
        QCheckBox::indicator {{ width: 28px; height: 28px; border: 3px solid {c.muted_text};
            border-radius: 6px; background: {c.surface}; }}
        QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent}; }}
        QPushButton:checked {{ background: {c.accent}; color: {c.background}; }}
        QPushButton[highlighted="true"] {{ border: 4px solid {c.text}; }}
        QPushButton[warning="true"] {{ color: {c.danger}; border-color: {c.danger}; }}
        QPushButton[faded="true"], QPushButton[primary="true"][faded="true"] {{
            background: transparent; color: {c.muted_text}; border-color: {c.track};
            font-weight: normal; }}
        QScrollBar:vertical {{ background: {c.surface}; width: 16px; margin: 0; border: none; }}
        QScrollBar::handle:vertical {{ background: {c.muted_text}; border-radius: 7px;
            min-height: 48px; margin: 2px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
        QLabel[role="muted"] {{ color: {c.muted_text}; }}
        QLabel[role="danger"] {{ color: {c.danger}; }}
        QLabel[role="subheading"] {{ font-size: {base * 1.9:.0f}pt; font-weight: bold; }}
        QLabel[role="advice"] {{ font-size: {base * 1.5:.0f}pt; font-weight: bold; }}
        QLabel[role="secondary"] {{ font-size: {base * 1.15:.0f}pt; color: {c.muted_text}; }}
        QLabel[role="heading"] {{ font-size: {base * 2.4:.0f}pt; font-weight: bold; }}
        QFrame[role="card"] {{ background: {c.surface}; border-radius: 14px; }}
        QFrame[role="card"] QLabel {{ background: transparent; }}
        QScrollArea[fitted="true"], QScrollArea[fitted="true"] > QWidget > QWidget {{
            background: transparent; }}
        """
    )


def _spin_arrows(theme: Theme) -> str:
    """Arrows for the spin boxes' wide buttons and the lists' drop-downs (a styled button
    loses the platform's own)."""
    rules = []
    for way in ("up", "down"):
        try:
            path = resource_path(f"icons/spin-{way}-{theme.value}.svg").as_posix()
        except ResourceError:  # a broken installation: buttons without arrows, still usable
            continue
        combo = ", QComboBox::down-arrow" if way == "down" else ""
        rules.append(
            f"QSpinBox::{way}-arrow, QDoubleSpinBox::{way}-arrow{combo} {{ image: url({path}); "
            "width: 14px; height: 9px; }"
        )
    return "\n".join(rules)

"""Home: the coach's advice, the plans (broken ones with their error), a quick session,
the last session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.quick_session import QuickSession
from app.gui.elided_line import ElidedLine
from app.gui.fitted_scroll import MIN_HEIGHT_PX as FITTED_MIN_PX
from app.gui.fitted_scroll import FittedScroll
from app.gui.keys import Action
from app.gui.plan_preview import plan_preview
from app.gui.progress.warm_up import ImportWarmUp
from app.gui.quick_session_form import QuickSessionForm
from app.gui.screen import Screen
from app.gui.whole_row_list import WholeRowList
from app.storage.catalog import Catalog
from app.storage.plan_files import PlanFile
from app.storage.settings import Settings

_PLAN_ROLE = Qt.ItemDataRole.UserRole


PREVIEW_LINES = 3
"""The plan preview asks for this many lines of its small text; more scrolls."""
PLAN_ROWS_TALL, PLAN_ROWS_SHORT = 3, 2
"""Whole plan rows always in sight: on a screen 720 px tall or more, and on a shorter one."""
TALL_PX = 720
REASON_GAP_PX = 6
"""Space under each reason, before the next block's headline (a third of it on a short screen)."""


class HomeScreen(Screen):
    """What to train today.

    Signals:
        plan_chosen(PlanFile), quick_session_chosen(QuickSession),
        resume_accepted(), resume_declined(),
        settings_requested(), progress_requested(), history_requested(),
        advice_accepted(): "Train this today" was pressed.

    Once home is painted, ``warm_up`` imports the progress screen's charts in the GUI
    thread's idle turns while home is in sight, so that its first open does not stop for
    pyqtgraph.
    """

    plan_chosen = Signal(PlanFile)
    quick_session_chosen = Signal(QuickSession)
    resume_accepted = Signal()
    resume_declined = Signal()
    settings_requested = Signal()
    progress_requested = Signal()
    history_requested = Signal()
    advice_accepted = Signal()

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        *,
        warm_up: ImportWarmUp | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.warm_up = ImportWarmUp() if warm_up is None else warm_up
        self.last_plan_path: Path | None = None
        self.catalog = catalog
        self.units = settings.units
        # Built from the outside in: each box joins its column before it is filled. A box
        # filled first and then moved in has every widget in it restyled on the way (with the
        # theme's style sheet, about 12 ms of the start).
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._columns.setContentsMargins(28, 20, 28, 20)
        self._columns.setSpacing(28)
        left_widget, right_widget = QWidget(self), QWidget(self)
        self._columns.addWidget(left_widget, 3)
        self._columns.addWidget(right_widget, 2)
        left = QVBoxLayout(left_widget)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        self._build_left(left, left_widget)
        self._build_right(right, right_widget, catalog, settings)

    def _build_left(self, left: QVBoxLayout, column: QWidget) -> None:
        self.title = title = QLabel("Tempo Trainer")
        title.setProperty("role", "heading")
        left.addWidget(title)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # titles: never HTML
        self.notice.setProperty("role", "danger")
        self.notice.setWordWrap(True)
        self.notice.hide()
        left.addWidget(self.notice)

        self.resume_card = QFrame(column)
        self.resume_card.setProperty("role", "card")
        self.resume_card.hide()
        left.addWidget(self.resume_card)
        self.resume_text = QLabel()
        self.resume_text.setTextFormat(Qt.TextFormat.PlainText)  # titles: never HTML
        self.resume_text.setWordWrap(True)
        resume_button = QPushButton("Resume  (Enter)")
        resume_button.setProperty("primary", True)
        resume_button.clicked.connect(self.resume_accepted)
        discard_button = QPushButton("Discard")
        discard_button.clicked.connect(self.resume_declined)
        resume_layout = QVBoxLayout(self.resume_card)
        resume_layout.addWidget(self.resume_text)
        resume_row = QHBoxLayout()
        resume_layout.addLayout(resume_row)
        resume_row.addWidget(resume_button)
        resume_row.addWidget(discard_button)

        self.advice_card = QFrame(column)
        self.advice_card.setObjectName("advice")
        self.advice_card.setProperty("role", "card")
        left.addWidget(self.advice_card)
        advice_layout = QVBoxLayout(self.advice_card)
        advice_layout.setContentsMargins(12, 8, 12, 8)
        advice_layout.setSpacing(4)
        advice_top = QHBoxLayout()
        advice_layout.addLayout(advice_top)
        advice_heading = QLabel("Coach's advice")
        advice_heading.setProperty("role", "muted")
        advice_top.addWidget(advice_heading, 1)
        self.train_advice = QPushButton("Train this today")
        self.train_advice.setProperty("primary", True)
        self.train_advice.clicked.connect(self.advice_accepted)
        advice_top.addWidget(self.train_advice)
        # The whole advice is in sight whenever the screen has room (see _fit_columns); only
        # a screen too short for it scrolls inside the card, never over the plans.
        lines = QWidget()
        self.advice_lines = QVBoxLayout(lines)
        self.advice_lines.setContentsMargins(0, 0, 0, 0)
        self.advice_lines.setSpacing(0)
        self.advice_scroll = FittedScroll(lines, min_hint_px=None)
        self.advice_scroll.whole_rows = True  # a reason cut in half reads as gibberish
        advice_layout.addWidget(self.advice_scroll)
        self.advice_labels: list[QLabel] = []

        plans_top = QHBoxLayout()
        left.addLayout(plans_top)
        plans_heading = QLabel("Plans")
        plans_heading.setProperty("role", "heading")
        plans_top.addWidget(plans_heading, 1)
        start = QPushButton("Start plan  (Enter)")
        start.setProperty("primary", True)
        start.clicked.connect(self.on_start_clicked)
        plans_top.addWidget(start)
        self.plans = WholeRowList()
        self.plans.currentItemChanged.connect(self.on_plan_highlighted)
        self.plans.setAccessibleName("Plans")
        self.plans.itemActivated.connect(self.on_plan_activated)
        left.addWidget(self.plans, 1)
        preview_box = QWidget()
        self.preview_scroll = FittedScroll(preview_box)
        left.addWidget(self.preview_scroll)
        self.plan_preview = QLabel()
        self.plan_preview.setTextFormat(Qt.TextFormat.PlainText)  # descriptions: never HTML
        self.plan_preview.setObjectName("plan-preview")
        self.plan_preview.setProperty("role", "secondary")
        self.plan_preview.setWordWrap(True)
        preview_column = QVBoxLayout(preview_box)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(self.plan_preview)

    def _build_right(
        self, right: QVBoxLayout, column: QWidget, catalog: Catalog, settings: Settings
    ) -> None:
        # On a short screen the quick session and the last session scroll; the buttons stay.
        forms = QWidget()
        self.forms_scroll = FittedScroll(forms)
        self.forms_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        right.addWidget(self.forms_scroll, 1)
        forms_column = QVBoxLayout(forms)
        forms_column.setContentsMargins(0, 0, 0, 0)
        self.quick = QuickSessionForm(catalog, settings, parent=forms)
        self.quick.submitted.connect(self.quick_session_chosen)
        forms_column.addWidget(self.quick)
        last_card = QFrame(forms)
        last_card.setProperty("role", "card")
        forms_column.addWidget(last_card)
        forms_column.addStretch(1)
        last_layout = QVBoxLayout(last_card)
        last_heading = QLabel("Last session")
        last_heading.setProperty("role", "muted")
        last_layout.addWidget(last_heading)
        self.last_session = QLabel("No sessions logged yet.")
        self.last_session.setTextFormat(Qt.TextFormat.PlainText)  # titles: never HTML
        self.last_session.setWordWrap(True)
        last_layout.addWidget(self.last_session)

        # Only while the saved choice is "muted": a new session would start silent.
        self.muted_note = QPushButton("Sound off  ·  turn on (M)", column)
        self.muted_note.setObjectName("muted-note")
        self.muted_note.setAccessibleName("Turn the sound on for every session (M)")
        self.muted_note.setProperty("warning", True)
        self.muted_note.clicked.connect(lambda: self.action_requested.emit(Action.MUTE))
        self.muted_note.hide()
        right.addWidget(self.muted_note)
        nav = QHBoxLayout()
        right.addLayout(nav)
        for text, signal in (
            ("Progress", self.progress_requested),
            ("History", self.history_requested),
            ("Settings", self.settings_requested),
        ):
            button = QPushButton(text)
            button.clicked.connect(signal)
            nav.addWidget(button)

    def show_plans(self, plans: list[PlanFile]) -> None:
        """List ``plans``; the highlight stays on the plan used last (else the first)."""
        self.plans.clear()
        for plan_file in plans:
            if plan_file.plan is not None:
                sets = plan_file.plan.total_sets
                item = QListWidgetItem(f"{plan_file.plan.title} · {sets} sets")
            else:
                problem = plan_file.problems[0] if plan_file.problems else "cannot be read"
                item = QListWidgetItem(f"⚠ {plan_file.path.name} cannot be used:\n{problem}")
                item.setForeground(Qt.GlobalColor.red)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            item.setData(_PLAN_ROLE, plan_file)
            self.plans.addItem(item)
        self.plans.fit_rows()
        self._fit_columns()
        usable = [
            row
            for row in range(self.plans.count())
            if self.plans.item(row).flags() & Qt.ItemFlag.ItemIsSelectable
        ]
        last = [row for row in usable if self._plan_path(row) == self.last_plan_path]
        if usable:
            self.plans.setCurrentRow((last or usable)[0])

    def _plan_path(self, row: int) -> Path | None:
        plan_file = self.plans.item(row).data(_PLAN_ROLE)
        return plan_file.path if isinstance(plan_file, PlanFile) else None

    def show_advice(self, advice: list[tuple[str, str]]) -> None:
        """One (headline, reason) pair per suggestion; none: say how advice comes."""
        for label in self.advice_labels:
            self.advice_lines.removeWidget(label)
            label.hide()  # deleted later, but must not show meanwhile
            label.deleteLater()
        self.advice_labels = []
        if not advice:
            empty = QLabel(
                "Log a session and the coach suggests the next one here (rehearsals do not count)."
            )
            empty.setWordWrap(True)
            self.advice_labels.append(empty)
        for line, reason in advice:
            # Break a long headline only between its parts, never inside "35 cm" or "3 × 8-12".
            headline = QLabel(" · ".join(p.replace(" ", "\u00a0") for p in line.split(" · ")))
            headline.setProperty("role", "advice")
            headline.setWordWrap(True)
            why = ElidedLine(reason)
            why.setProperty("role", "secondary")
            self.advice_labels += [headline, why]
        for label in self.advice_labels:
            self.advice_lines.addWidget(label)
        self.advice_scroll.updateGeometry()
        self.train_advice.setVisible(bool(advice))
        self._fit_columns()

    def show_notice(self, text: str) -> None:
        """A problem the person should know about (a settings file that could not be used)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._fit_columns()

    def show_muted(self, muted: bool) -> None:
        """Say so while every session starts muted (the saved choice: M here or Settings)."""
        self.muted_note.setVisible(muted)

    def show_last_session(self, text: str) -> None:
        self.last_session.setText(text)

    def offer_resume(self, text: str | None) -> None:
        self.resume_text.setText(text or "")
        self.resume_card.setVisible(text is not None)
        self._fit_columns()

    def handle(self, action: Action) -> bool:
        if self.resume_card.isVisible() and action is Action.NEXT:
            self.resume_accepted.emit()
            return True
        in_form = self.quick.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        if in_form:
            if action is Action.NEXT and self.focusWidget() is not self.quick.start:
                self.quick.on_start_clicked()
                return True
            return False
        if action is Action.NEXT:
            if self.advice_highlighted:
                self.advice_accepted.emit()
            else:
                self.on_start_clicked()
            return True
        if action in (Action.UP, Action.DOWN):
            self._move_selection(-1 if action is Action.UP else 1)
            return True
        return False

    @property
    def advice_highlighted(self) -> bool:
        """The clicker's highlight is on "Train this today" rather than on a plan."""
        return self.train_advice.isVisible() and self.train_advice.property("highlighted") is True

    def _highlight_advice(self, on: bool) -> None:
        self.train_advice.setProperty("highlighted", on)
        self.train_advice.style().unpolish(self.train_advice)
        self.train_advice.style().polish(self.train_advice)
        if on:
            self.plans.clearSelection()
        elif self.plans.currentItem() is not None:
            self.plans.currentItem().setSelected(True)

    def _move_selection(self, step: int) -> None:
        """Up from the first plan reaches "Train this today" (when the coach has advice)."""
        if self.advice_highlighted:
            if step > 0:
                self._highlight_advice(False)
            return
        row = self.plans.currentRow()
        for candidate in range(row + step, -1 if step < 0 else self.plans.count(), step):
            if self.plans.item(candidate).flags() & Qt.ItemFlag.ItemIsSelectable:
                self.plans.setCurrentRow(candidate)
                return
        if step < 0 and self.train_advice.isVisible():
            self._highlight_advice(True)

    def on_plan_highlighted(self, item: QListWidgetItem | None) -> None:
        """Under the list: what the highlighted plan holds, its tempo said in words."""
        plan_file = item.data(_PLAN_ROLE) if item is not None else None
        text = ""
        if isinstance(plan_file, PlanFile) and plan_file.plan is not None:
            text = plan_preview(plan_file.plan, self.catalog, self.units)
        self.plan_preview.setText(text)
        self.preview_scroll.setVisible(bool(text))
        self.preview_scroll.updateGeometry()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """What must be in sight without scrolling: every line of the coach's advice and a
        few whole plan rows. The plan preview gets a few lines, and gives way first.

        An unfinished session to resume (or a problem to read) comes before the advice: on a
        short screen the advice then scrolls, and the preview gives way whole."""
        tall = self.height() >= TALL_PX
        rows = PLAN_ROWS_TALL if tall else PLAN_ROWS_SHORT
        # A short screen keeps each reason to one line (whole in its tooltip) and drops the
        # title (the window has it), so that every headline and the plans still show.
        self.title.setVisible(tall)
        edge = 20 if tall else 10
        self._columns.setContentsMargins(28, edge, 28, edge)
        for label in self.advice_labels:
            if isinstance(label, ElidedLine):
                label.set_elided(not tall)
                label.setContentsMargins(0, 0, 0, REASON_GAP_PX if tall else REASON_GAP_PX // 3)
        self.plans.min_rows = rows
        self.plans.keep_min_rows()
        line = self.plan_preview.fontMetrics().lineSpacing()
        self.preview_scroll.line_px = line
        self.preview_scroll.max_hint_px = PREVIEW_LINES * line + 4
        crowded = not tall and (self.resume_card.isVisibleTo(self) or self.notice.isVisibleTo(self))
        self.preview_scroll.min_hint_px = 0 if crowded else 2 * line + 4
        self.advice_scroll.min_hint_px = FITTED_MIN_PX if crowded else None
        self.advice_scroll.updateGeometry()
        self.preview_scroll.updateGeometry()
        self.preview_scroll.show_whole_lines()  # another plan's text: it may scroll, or not
        self.advice_scroll.show_whole_lines()

    def on_plan_activated(self, item: QListWidgetItem) -> None:
        plan_file = item.data(_PLAN_ROLE)
        if isinstance(plan_file, PlanFile) and plan_file.ok:
            self.last_plan_path = plan_file.path
            self.plan_chosen.emit(plan_file)

    def on_start_clicked(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self.on_plan_activated(item)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        # Its turns come after this paint, children included: home shows first, then warms
        # up, while it is in sight (a later paint goes on with a warm-up paused meanwhile).
        if not self.warm_up.finished:
            self.warm_up.start(self, self.isVisible)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        portrait = self.height() > self.width()
        self._columns.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)
        self._fit_columns()

"""Controls bound to one cabin function (and instance): they send commands and show what the car reports.

Every control shows the reported value, never the tap: while a request is on its way it shows the target
next to the reported value ("22° → 23°") with the accent colour; when the car refused or did not answer it
turns red with the reason as its tooltip (and keeps it until the next request). A command the layer refuses
before sending (out of range, already at the maximum) is shown the same way, without anything sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from cockpit.commands import Command, CommandError, ControlState

from ..context import UiContext
from ..icons import pixmap, set_icon

Format = Callable[[Any], str]


class Binding:
    """The function a control commands, and its last refusal by the command layer itself."""

    def __init__(self, ctx: UiContext, function: str, instance: str | None = None) -> None:
        self.ctx, self.function, self.instance = ctx, function, instance
        self.refused = ""

    def state(self) -> ControlState:
        shown = self.ctx.commands.control_state(self.function, self.instance)
        if self.refused and shown.state != "pending":
            shown.state, shown.reason = "failed", self.refused
        return shown

    def send(self, value: Any = None, delta: float | None = None) -> None:
        try:
            self.ctx.commands.execute(
                Command(self.function, value=value, instance=self.instance, delta=delta)
            )
            self.refused = ""
        except CommandError as exc:
            self.refused = exc.line()

    def paint(self, widget: QWidget, text: str, shown: ControlState, fmt: Format | None = None) -> str:
        """Style ``widget`` for the request state; returns ``text`` with the pending target appended."""
        colour, tip = "", ""
        if shown.state == "pending":
            colour = self.ctx.theme.accent
            if fmt is not None and shown.target is not None:
                text = f"{text} → {fmt(shown.target)}"
            tip = QCoreApplication.translate("CommandControls", "Waiting for the car to confirm")
        elif shown.state == "failed":
            colour, tip = self.ctx.theme.danger, shown.reason
        style = f"color: {colour};" if colour else ""
        if widget.styleSheet() != style:
            widget.setStyleSheet(style)
        widget.setToolTip(tip)
        widget.setProperty("commandState", shown.state or "")
        return text


class CommandStepper(QWidget):
    """− value + : relative steps of a numeric function."""

    def __init__(
        self,
        ctx: UiContext,
        function: str,
        instance: str | None,
        fmt: Format,
        step: float = 1,
        icon: str | None = None,
    ) -> None:
        super().__init__()
        self.binding = Binding(ctx, function, instance)
        self.fmt, self.step = fmt, step
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(6))
        self.minus = QPushButton()
        self.plus = QPushButton()
        size = ctx.px(22)
        set_icon(self.minus, "minus", ctx.theme.text, size, missing_text="−")
        set_icon(self.plus, "plus", ctx.theme.text, size, missing_text="+")
        self.label = QLabel("—")
        self.label.setObjectName("value")
        self.label.setMinimumWidth(ctx.px(52))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.minus)
        if icon is not None:
            picture = pixmap(icon, ctx.theme.text_dim, ctx.px(22))
            if picture is not None:
                self.symbol = QLabel()
                self.symbol.setPixmap(picture)
                row.addWidget(self.symbol)
        row.addWidget(self.label)
        row.addWidget(self.plus)
        self.minus.clicked.connect(lambda: self.nudge(-self.step))
        self.plus.clicked.connect(lambda: self.nudge(self.step))

    def nudge(self, delta: float) -> None:
        self.binding.send(delta=delta)
        self.refresh()

    def refresh(self) -> None:
        shown = self.binding.state()
        text = self.fmt(shown.reported) if shown.reported is not None else "—"
        self.label.setText(self.binding.paint(self.label, text, shown, self.fmt))


class CommandToggle(QPushButton):
    """On/off: checked when the car reports on; a tap asks for the opposite of what the car reports."""

    def __init__(
        self, ctx: UiContext, function: str, text: str, instance: str | None = None, icon: str | None = None
    ) -> None:
        super().__init__(text)
        self.binding = Binding(ctx, function, instance)
        self.caption = text
        self.setCheckable(True)
        if icon is not None:
            set_icon(self, icon, ctx.theme.text, ctx.px(22), "#ffffff", text, text)
        self.clicked.connect(self._toggle)

    def _toggle(self) -> None:
        self.binding.send(value=not bool(self.binding.state().reported))
        self.refresh()

    def refresh(self) -> None:
        shown = self.binding.state()
        self.setChecked(bool(shown.reported))
        self.setText(self.binding.paint(self, self.caption, shown))


class CommandChoice(QWidget):
    """One button per choice (a segmented control); the one the car reports is checked."""

    def __init__(
        self, ctx: UiContext, function: str, choices: Sequence[tuple[Any, str]], instance: str | None = None
    ) -> None:
        super().__init__()
        self.binding = Binding(ctx, function, instance)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(4))
        self.buttons: dict[Any, QPushButton] = {}
        for value, text in choices:
            button = QPushButton(text)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self._choose(v))
            row.addWidget(button)
            self.buttons[value] = button

    def _choose(self, value: Any) -> None:
        self.binding.send(value=value)
        self.refresh()

    def refresh(self) -> None:
        shown = self.binding.state()
        for value, button in self.buttons.items():
            button.setChecked(value == shown.reported)
            active = shown.state is not None and value == shown.target
            state = shown if active else ControlState(shown.reported)
            self.binding.paint(button, button.text(), state)


class CommandLevel(QPushButton):
    """A level that cycles on each tap (seat heating ●●○), shown as dots.

    Dots, not bars: DejaVu Sans and WenQuanYi (the fonts Debian installs) lack the white bar, U+25AF.
    """

    def __init__(
        self,
        ctx: UiContext,
        function: str,
        instance: str | None,
        symbol: str,
        levels: int,
        icon: str | None = None,
    ) -> None:
        super().__init__()
        self.binding = Binding(ctx, function, instance)
        self.symbol, self.levels = symbol, levels
        # With its icon drawn, the text is the dots alone; the symbol stays as the fallback.
        if icon is not None and set_icon(self, icon, ctx.theme.text, ctx.px(22)):
            self.symbol = ""
        self.clicked.connect(self._cycle)

    def _cycle(self) -> None:
        shown = self.binding.state()
        current = shown.target if shown.state == "pending" else (shown.reported or 0)
        self.binding.send(value=(int(current) + 1) % (self.levels + 1))
        self.refresh()

    def bars(self, level: Any) -> str:
        n = int(level or 0)
        dots = "●" * n + "○" * (self.levels - n)
        return f"{self.symbol} {dots}" if self.symbol else dots

    def refresh(self) -> None:
        shown = self.binding.state()
        self.setText(self.binding.paint(self, self.bars(shown.reported), shown, self.bars))


class CommandSlider(QWidget):
    """A position (window, sunroof, brightness): drag and release to send; the label shows the car's."""

    def __init__(self, ctx: UiContext, function: str, instance: str | None, fmt: Format) -> None:
        super().__init__()
        self.binding = Binding(ctx, function, instance)
        self.fmt = fmt
        spec = ctx.commands.spec(function)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(8))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(spec.minimum or 0), int(spec.maximum or 100))
        self.slider.setPageStep(int(spec.step))
        self.label = QLabel("—")
        self.label.setMinimumWidth(ctx.px(60))
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        self.slider.sliderReleased.connect(lambda: self.binding.send(value=self.slider.value()))
        self.slider.actionTriggered.connect(self._stepped)

    def _stepped(self, action: int) -> None:
        # Clicks on the groove and keys (page/step actions) send at once; drags wait for the release.
        if not self.slider.isSliderDown() and action != QSlider.SliderAction.SliderMove:
            self.binding.send(value=self.slider.sliderPosition())

    def refresh(self) -> None:
        shown = self.binding.state()
        if shown.reported is not None and not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(int(shown.target if shown.state == "pending" else shown.reported))
            self.slider.blockSignals(False)
        text = self.fmt(shown.reported) if shown.reported is not None else "—"
        self.label.setText(self.binding.paint(self.label, text, shown, self.fmt))

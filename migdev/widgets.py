"""Interactive answers for learners who do not write code: drop-downs, choices and sliders.

Each widget shows as an interactive control in Jupyter and Binder, and as a plain, readable list
in the static web book (where nothing can run).
"""

from __future__ import annotations

import html

import ipywidgets as w

from migdev.text import say

LABEL_WIDTH = "22em"  # every slider's label takes the same width, so the tracks line up


class _Display:
    """Mixin: an interactive widget bundle plus an HTML and text fallback for static pages."""

    widget: w.Widget

    def _static_lines(self) -> list[str]:  # pragma: no cover - overridden
        return []

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        lines = self._static_lines()
        numbered = [f"{n}. {line}" for n, line in enumerate(lines, start=1)]
        bundle["text/plain"] = "\n".join([say("static_note"), *numbered])
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        bundle["text/html"] = (
            f'<div class="migdev-static"><p><em>{html.escape(say("static_note"))}</em>'
            f"</p><ol>{items}</ol></div>"
        )
        return bundle


class Classifier(_Display):
    """One drop-down per item; ``value`` maps each item to the chosen category (or None)."""

    def __init__(
        self,
        items: list[str],
        categories: list[str],
        saved: dict | None = None,
        description: str = "Category",
    ):
        self.items = list(items)
        self.categories = list(categories)
        self._menus = {}
        rows = []
        saved = saved if isinstance(saved, dict) else {}
        for number, item in enumerate(self.items, start=1):
            start = saved.get(item) if saved.get(item) in self.categories else None
            menu = w.Dropdown(
                options=[(say("choose"), None)] + [(c, c) for c in self.categories],
                value=start,
                description=f"{description} {number}",
                layout=w.Layout(width="max-content"),
                style={"description_width": "initial"},
            )
            self._menus[item] = menu
            rows.append(w.VBox([w.HTML(f"<p><strong>{number}.</strong> {html.escape(item)}</p>"), menu]))
        self.widget = w.VBox(rows)

    @property
    def value(self) -> dict:
        return {item: menu.value for item, menu in self._menus.items()}

    def set(self, answers: dict) -> None:
        for item, category in answers.items():
            if item in self._menus:
                self._menus[item].value = category

    def _static_lines(self) -> list[str]:
        options = " / ".join(self.categories)
        return [f"{item}  [{options}]" for item in self.items]


class Choice(_Display):
    """Radio buttons for one question; ``value`` is the chosen option (or None)."""

    def __init__(self, question: str, options: list[str], saved: object = None):
        self.question = question
        self.options = list(options)
        start = saved if saved in self.options else None
        self._buttons = w.RadioButtons(
            options=self.options, value=start, layout=w.Layout(width="max-content")
        )
        self.widget = w.VBox([w.HTML(f"<p>{html.escape(question)}</p>"), self._buttons])

    @property
    def value(self) -> object:
        return self._buttons.value

    def set(self, option: object) -> None:
        self._buttons.value = option

    def _static_lines(self) -> list[str]:
        return [f"{self.question} Options: " + " / ".join(self.options)]


class Sliders(_Display):
    """One slider per name (e.g. the weight of each criterion); ``value`` maps names to numbers."""

    def __init__(
        self,
        names: list[str],
        minimum: float = 0,
        maximum: float = 5,
        step: float = 1,
        start: float | dict = 1,
        saved: dict | None = None,
    ):
        self.names = list(names)
        # Answered once a learner moves a slider, or when saved values were restored.
        self.answered = isinstance(saved, dict) and bool(saved)
        saved = saved if isinstance(saved, dict) else {}
        self._sliders = {}
        for name in self.names:
            first = start.get(name, minimum) if isinstance(start, dict) else start
            value = saved.get(name, first)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not minimum <= value <= maximum
            ):
                value = first
            self._sliders[name] = w.FloatSlider(
                value=value,
                min=minimum,
                max=maximum,
                step=step,
                description=name,
                continuous_update=False,
                readout_format=".0f" if float(step).is_integer() else ".2f",
                style={"description_width": LABEL_WIDTH},
                layout=w.Layout(width="44em"),
            )
        self.widget = w.VBox(list(self._sliders.values()))
        self._callbacks: list = []
        self._holding = False  # True while set() moves several sliders: callbacks wait
        for slider in self._sliders.values():
            slider.observe(self._moved, names="value")

    def _moved(self, _change) -> None:
        self.answered = True
        if not self._holding:
            self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback(self.value)

    @property
    def value(self) -> dict:
        return {name: slider.value for name, slider in self._sliders.items()}

    def set(self, values: dict) -> None:
        """Move several sliders at once; observers are called once, with the final values."""
        before = self.value
        self._holding = True
        try:
            for name, number in values.items():
                if name in self._sliders:
                    self._sliders[name].value = number
        finally:
            self._holding = False
        self.answered = True
        if self.value != before:
            self._notify()

    def observe(self, callback) -> None:
        """Call ``callback(values)`` whenever a slider moves (in a live notebook)."""
        self._callbacks.append(callback)

    def _static_lines(self) -> list[str]:
        return [f"{name}: {value:g}" for name, value in self.value.items()]


class TextBox(_Display):
    """A text area for a sentence or two; ``value`` is the text typed (empty at first)."""

    def __init__(self, prompt: str, saved: object = None, placeholder: str = ""):
        self.prompt = prompt
        self._area = w.Textarea(
            value=saved if isinstance(saved, str) else "",
            placeholder=placeholder,
            layout=w.Layout(width="90%", height="5em"),
        )
        parts = [w.HTML(f"<p>{html.escape(prompt)}</p>")] if prompt else []
        self.widget = w.VBox([*parts, self._area])

    @property
    def value(self) -> str:
        return self._area.value

    def set(self, text: str) -> None:
        self._area.value = text

    def observe(self, callback) -> None:
        """Call ``callback(text)`` whenever the text changes (in a live notebook)."""
        self._area.observe(lambda change: callback(change["new"]), names="value")

    def _static_lines(self) -> list[str]:
        return [self.prompt or self._area.placeholder]


class AnswerBox(_Display):
    """A text box for a number, typed as people write it (3,57 or 1 234 or 15%); ``value`` is the
    text typed, which the check reads."""

    def __init__(self, saved: object = None):
        start = "" if saved is None or isinstance(saved, bool) else str(saved)
        self._text = w.Text(
            value=start,
            description=say("type_answer"),
            placeholder=say("type_answer_placeholder"),
            style={"description_width": "initial"},
        )
        self.widget = self._text

    @property
    def value(self) -> str:
        return self._text.value

    def set(self, text: object) -> None:
        self._text.value = str(text)

    def _static_lines(self) -> list[str]:
        return [say("type_answer")]


class LiveView:
    """A view redrawn whenever a set of sliders moves, e.g. a ranking and its chart.

    ``render(values)`` returns (HTML, a matplotlib figure or None, plain text) for the sliders'
    values. In the static web book the view shows the sliders' starting values, with ``alt`` as
    the chart's text alternative.
    """

    def __init__(self, sliders: Sliders, render, alt: str):
        self.sliders, self.render, self.alt = sliders, render, alt
        self.widget = w.Output()
        self._cache: dict[tuple, tuple[str, str, str]] = {}
        sliders.observe(self._draw)
        self._draw(sliders.value)

    def _content(self, values: dict) -> tuple[str, str, str]:
        """(HTML, PNG in base64 or "", plain text), drawn once per set of values."""
        key = tuple(sorted(values.items()))
        if key not in self._cache:
            import base64
            import io

            import matplotlib.pyplot as plt

            markup, figure, plain = self.render(dict(values))
            png = ""
            if figure is not None:
                buffer = io.BytesIO()
                figure.savefig(buffer, format="png", dpi=90)
                plt.close(figure)
                png = base64.b64encode(buffer.getvalue()).decode("ascii")
            self._cache[key] = (markup, png, plain)
        return self._cache[key]

    def _draw(self, values: dict) -> None:
        markup, png, plain = self._content(values)
        data = [{"text/html": markup, "text/plain": plain}]
        data += [{"image/png": png, "text/plain": self.alt}] if png else []
        self.widget.outputs = tuple({"output_type": "display_data", "metadata": {}, "data": d} for d in data)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        markup, png, plain = self._content(self.sliders.value)
        image = f'<img src="data:image/png;base64,{png}" alt="{html.escape(self.alt)}">' if png else ""
        bundle["text/html"] = f'<div class="migdev-static">{markup}{image}</div>'
        bundle["text/plain"] = plain
        return bundle

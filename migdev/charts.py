"""Accessible charts: a colour-blind-safe palette (Okabe-Ito) and a marker and line style per
series, so no series is told apart by colour alone."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES = ["-", "--", "-.", ":", "-", "--", "-.", ":"]


def line_chart(table: pd.DataFrame, title: str, ylabel: str, xlabel: str = "Year"):
    """One line per column of ``table`` (index on the x axis), labelled in a legend."""
    figure, axes = plt.subplots(figsize=(8, 4.5))
    for number, column in enumerate(table.columns):
        axes.plot(
            table.index,
            table[column],
            label=str(column),
            color=OKABE_ITO[number % len(OKABE_ITO)],
            marker=MARKERS[number % len(MARKERS)],
            linestyle=LINESTYLES[number % len(LINESTYLES)],
            markersize=4,
            linewidth=1.8,
        )
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.set_xlabel(xlabel)
    axes.axhline(0, color="#6e7781", linewidth=0.8)
    axes.grid(alpha=0.3)
    axes.legend(frameon=False)
    figure.tight_layout()
    return figure


def bar_chart(
    values: pd.Series,
    title: str,
    xlabel: str,
    ylabel: str = "",
    value_format: str = "{:,.0f}",
    xlim: tuple[float, float] | None = None,
):
    """Horizontal bars, largest at the top, with the value written at the end of each bar."""
    values = values.sort_values()
    figure, axes = plt.subplots(figsize=(8, 0.45 * len(values) + 1.2))
    axes.barh([str(i) for i in values.index], values.to_numpy(), color=OKABE_ITO[0])
    for position, value in enumerate(values.to_numpy()):
        axes.text(value, position, " " + value_format.format(value), va="center", fontsize=9)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    if xlim is not None:
        axes.set_xlim(*xlim)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from migdev.charts import OKABE_ITO, bar_chart, line_chart  # noqa: E402


def test_line_chart_tells_series_apart_without_colour():
    table = pd.DataFrame({"a": [1, 2, 3], "b": [2, 3, 1], "c": [3, 1, 2]}, index=[2000, 2001, 2002])
    figure = line_chart(table, title="Title", ylabel="% of GDP")
    lines = [line for line in figure.axes[0].get_lines() if line.get_label() in table.columns]
    assert len({line.get_marker() for line in lines}) == 3
    assert len({line.get_linestyle() for line in lines}) == 3
    assert {to_hex(line.get_color()).upper() for line in lines} <= set(OKABE_ITO)
    axes = figure.axes[0]
    assert axes.get_title() == "Title" and axes.get_ylabel() == "% of GDP" and axes.get_legend()


def test_bar_chart_writes_values_on_bars():
    figure = bar_chart(pd.Series({"x": 5.0, "y": 10.0}), title="T", xlabel="persons")
    texts = [text.get_text().strip() for text in figure.axes[0].texts]
    assert texts == ["5", "10"]


def test_every_chart_cell_has_alt_text():
    from conftest import EXERCISES, source_of

    from tools.learner import read_source

    for name in EXERCISES:
        path = source_of(name)
        for cell in read_source(path).cells:
            drawing = ("_chart(", "plt.", ".plot(", "figure =", "plot_", "_histogram(")
            if (
                cell.cell_type == "code"
                and any(k in cell.source for k in drawing)
                and "import" not in cell.source
            ):
                alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
                assert len(alt) > 20, f"{path.name}: a chart cell has no alt text"

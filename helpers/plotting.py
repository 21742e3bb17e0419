"""One house style for every chart: a colour per company, a finding as the title,
units on the axes, and a footer with the period and the source ids.

Figures are shown as SVG with a fixed hash salt and no date, so the stored
output changes only when a plotted number does (and nbval then fails).

Example:
    >>> fig, ax = new_figure()
    >>> ax.bar(["Zhipu", "MiniMax"], [1, 2], color=[COLORS["zhipu"], COLORS["minimax"]])  # doctest: +SKIP
    >>> finish(fig, ax, title="MiniMax is twice Zhipu", sources="S0", period="9M2025")  # doctest: +SKIP
    >>> show(fig)  # doctest: +SKIP
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import MutableMapping, Sequence
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex, to_rgb  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: The same colour means the same company in every notebook (Okabe-Ito palette, colour-blind safe).
COLORS: dict[str, str] = {
    "zhipu": "#0072B2",
    "minimax": "#D55E00",
    "hkex": "#009E73",
    "neutral": "#7F7F7F",
    "highlight": "#E69F00",
}

#: Display names used on charts (Latin script only: the chart font has no CJK glyphs).
NAMES: dict[str, str] = {"zhipu": "Zhipu", "minimax": "MiniMax", "hkex": "HKEX"}

STYLE: dict[str, object] = {
    "svg.hashsalt": "zhipu-minimax-notebooks",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
}


def apply_style() -> None:
    """Set the house style on matplotlib's global settings. Example: ``apply_style()``"""
    cast("MutableMapping[str, Any]", plt.rcParams).update(STYLE)


def shades(company: str, n: int) -> list[str]:
    """``n`` shades of a company's colour, darkest first, for its own segments.

    Example: ``shades("minimax", 3)``
    """
    if company not in COLORS:
        raise ValueError(f"no colour for {company!r}; known: {sorted(COLORS)}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    base = to_rgb(COLORS[company])
    steps = [i / max(n, 2) for i in range(n)]
    r, g, b = base
    return [
        to_hex((r + (1 - r) * s * 0.85, g + (1 - g) * s * 0.85, b + (1 - b) * s * 0.85))
        for s in steps
    ]


def new_figure(
    width: float = 8.0, height: float = 4.2, ncols: int = 1, nrows: int = 1
) -> tuple[Figure, object]:
    """A figure in the house style: one Axes, or a 1-D array of them for one row or column
    (2-D for a grid, as ``plt.subplots`` squeezes). Example: ``fig, (left, right) = new_figure(ncols=2)``"""
    apply_style()
    return plt.subplots(nrows, ncols, figsize=(width, height))


def finish(
    fig: Figure,
    ax: Axes | Sequence[Axes] | None,
    *,
    title: str,
    sources: str,
    period: str,
    note: str = "",
) -> Figure:
    """Title the figure with its finding and add the period and source footer.

    Example: ``finish(fig, ax, title="...", sources="S0, S3", period="9M2025")``
    """
    if not title or not sources or not period:
        raise ValueError(
            f"a chart needs a title, sources and a period, got {title!r}, {sources!r}, {period!r}"
        )
    # Titles wrap too (about 9 characters of 12-point bold per inch), so a long finding is never cut off.
    wrapped = textwrap.fill(
        title, width=max(30, int(fig.get_figwidth() * 9)), break_on_hyphens=False
    )
    fig.suptitle(wrapped, x=0.01, ha="left", fontsize=12, fontweight="bold")
    footer = f"Period: {period}.  Sources: {sources} (data/sources.csv)."
    if note:
        footer += f"  {note}"
    # Wrapped by hand to the figure's width (about 15 characters of 8-point text per inch), so that
    # no line runs past the edge of the saved SVG.
    footer = textwrap.fill(
        footer, width=max(40, int(fig.get_figwidth() * 15)), break_on_hyphens=False
    )
    fig.text(0.01, -0.02, footer, ha="left", va="top", fontsize=8, color="#555555")
    fig.tight_layout()
    return fig


def to_svg(fig: Figure) -> str:
    """The figure as deterministic SVG text (fixed hash salt, no date). Example: ``to_svg(fig)[:5]``"""
    apply_style()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def show(fig: Figure) -> None:
    """Display the figure as SVG in the notebook (plain-text fallback: its title) and close it.

    Example: ``show(fig)``
    """
    from IPython.display import display

    svg = to_svg(fig)
    title = " ".join((fig.get_suptitle() or "chart").split())
    plt.close(fig)
    display({"image/svg+xml": svg, "text/plain": f"[chart] {title}"}, raw=True)  # type: ignore[no-untyped-call]

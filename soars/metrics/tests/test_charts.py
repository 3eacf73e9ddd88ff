"""Chart axes read in round numbers: 50 by tens, never 12.5 shown as "12"."""

import pytest

from soars.metrics.charts import nice_ceiling, tick_steps


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (43.7, ["0", "10", "20", "30", "40", "50"]),
        (4, ["0", "1", "2", "3", "4", "5"]),
        (12, ["0", "5", "10", "15", "20"]),
        (0.8, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (2.3, ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]),
        (1000, ["0", "200", "400", "600", "800", "1,000"]),
    ],
)
def test_every_tick_is_a_round_number_shown_exactly(largest, ticks):
    top = nice_ceiling(largest)
    intervals, decimals = tick_steps(top)
    shown = [f"{top * step / intervals:,.{decimals}f}" for step in range(intervals + 1)]
    assert shown == ticks
    assert all(float(label.replace(",", "")) == top * step / intervals for step, label in enumerate(shown))

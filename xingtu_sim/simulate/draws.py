"""The random numbers, drawn in the same blocks for every engine, so engines agree task by task."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Uniforms = NDArray[np.float64]


class Draws:
    """Uniforms in [0, 1) from PCG64(seed), in blocks of one per task: prices, then two blocks per step."""

    # Task i always reads entry i of a block, whatever the other tasks do: change the odds of one move
    # and only the tasks that reach that move change (common random numbers: policies compare fairly).

    def __init__(self, seed: int, orders: int) -> None:
        self._generator = np.random.Generator(np.random.PCG64(seed))
        self._orders = orders

    def prices(self) -> Uniforms:
        """Each task's draw for what it pays."""
        return self._generator.random(self._orders)

    def step(self) -> tuple[Uniforms, Uniforms]:
        """Each task's draw for the move it makes at this step, and for the hours that move takes."""
        return self._generator.random(self._orders), self._generator.random(self._orders)

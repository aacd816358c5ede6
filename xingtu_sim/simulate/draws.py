"""The random numbers, drawn in the same blocks for every engine, so engines agree task by task."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Uniforms = NDArray[np.float64]


class Draws:
    """Uniforms in [0, 1) from PCG64(seed): one block of prices, then two blocks per step.

    At step k the j-th task still moving (in task order) reads the j-th draw of that step's blocks.
    """

    def __init__(self, seed: int) -> None:
        self._generator = np.random.Generator(np.random.PCG64(seed))

    def prices(self, orders: int) -> Uniforms:
        """One draw per task for what it pays."""
        return self._generator.random(orders)

    def step(self, moving: int) -> tuple[Uniforms, Uniforms]:
        """One draw per moving task for the move it makes, one for the hours the move takes."""
        return self._generator.random(moving), self._generator.random(moving)

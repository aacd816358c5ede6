"""The practice console in the browser: the same sandbox and domain as `xingtu-sim sandbox`, as web pages."""

from __future__ import annotations

from xingtu_sim.web.app import create_app
from xingtu_sim.web.practice import Practice

__all__ = ["Practice", "create_app"]

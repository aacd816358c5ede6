"""Every feature file in features/, in both languages, bound as pytest tests."""

from pathlib import Path

from pytest_bdd import scenarios

FEATURES = Path(__file__).resolve().parent.parent / "features"

scenarios(str(FEATURES))

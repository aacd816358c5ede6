"""Running feature files: find and check them, run them through pytest-bdd, and report."""

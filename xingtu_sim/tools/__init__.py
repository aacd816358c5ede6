"""Tools that read the lifecycle table: the tour, the diagram, lifecycle coverage and scenario generation."""

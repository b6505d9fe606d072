"""Coordinators: who they are, the overview of open teams and the anonymous statistics."""

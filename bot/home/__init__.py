"""The personal home view: my teams, my steps and, for coordinators, the counts."""

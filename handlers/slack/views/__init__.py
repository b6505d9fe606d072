"""Modals: their Block Kit and their submission listeners."""

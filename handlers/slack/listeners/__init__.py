"""Bolt listeners, one per module, each module with register(app)."""

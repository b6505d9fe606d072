"""Follow-up meetings: booking, moving and cancelling, and reading a meeting's time."""

"""Meeting reminders, step due-date reminders and nudges: planning, timing and delivery."""

"""The network-work self-rating (`/arvio`): rounds for a staff channel's or a group's
members, private questions on a 1–5 scale, and results only in aggregate, only when at least
MIN_ANSWERS answered (bot/ratings/figures.py)."""

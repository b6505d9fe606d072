"""Workshops of a unit's staff on how they work together: the Hukkapaja (`/paja hukka`), in
which obstacles to collaboration are written as anonymous notes, grouped into themes and
dot-voted, and the biggest carried forward; and the Ratkaisupaja (`/paja ratkaisu`) that
solves them with experiments, reviewed into the agreed collaboration practices."""

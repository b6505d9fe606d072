"""Client feedback as counts: when a team closes, whoever closed it is asked privately for the
client's answer to "Sain apua, kun sitä tarvitsin" (1–5, or not asked). The answer is counted
per month, never kept with the team or a person; coordinators see the counts in
`/tiimi tilastot` once a period has at least `MINIMUM` answers."""

MINIMUM = 5  # answers 1–5 in a period before any of them is shown

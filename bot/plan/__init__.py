"""`/askel`: the team's shared plan of goals and small steps (grammar, service, messages)."""

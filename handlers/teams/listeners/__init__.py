"""The Teams routes, one module each; handlers/teams/app.py registers them."""

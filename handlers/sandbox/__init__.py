"""The sandbox: Tiimi's real Slack adapter against a simulated Slack workspace, in a browser."""

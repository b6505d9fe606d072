"""The Microsoft Teams adapter: the Microsoft 365 Agents SDK (aiohttp), Adaptive Cards, Graph."""

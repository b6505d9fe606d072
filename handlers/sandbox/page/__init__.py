"""The sandbox's web page: Block Kit as HTML, and the browser's input as Slack's payloads."""

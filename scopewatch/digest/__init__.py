"""The VA's digest of flagged requests, rendered with Jinja2 from `templates/`."""

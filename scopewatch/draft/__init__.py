"""Change-request reply drafts, rendered with Jinja2 from `templates/`."""

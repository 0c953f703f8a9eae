"""The review page in a browser (`scopewatch web`, or `[web] serve = true` inside `scopewatch run`):
Today, Finding, Client and Service pages over the same ledger, draft and digest functions as the
command line. Flask renders the Jinja2 templates in `templates/web/`; waitress serves it."""

from scopewatch.web.app import create_app

__all__ = ["create_app"]

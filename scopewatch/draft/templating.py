"""The Jinja2 environment shared by drafts and the digest: the user's workspace `templates/`
override the shipped ones by name, unknown names fail loudly, HTML is always escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import jinja2
from markupsafe import Markup

from scopewatch.errors import TemplateError
from scopewatch.parse.controls import drop_bidi, show_bidi


def make_environment(template_dirs: Sequence[Path | str], *, for_client: bool = False) -> jinja2.Environment:
    """An environment over `template_dirs`, first folder winning (user's folder first, shipped last).
    A bidi control in a printed value is shown as [U+202E] to the VA, left out of what the client
    reads (`for_client`)."""
    dirs = [str(d) for d in template_dirs]
    if not dirs:
        raise TemplateError("no template folders given")
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        # Anything named *.html(.j2) is escaped: client text must never reach HTML raw.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2"),
            default_for_string=False,
            default=False,
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_dropped if for_client else shown,
    )


def shown(value: Any) -> Any:
    """Every value a template prints: a bidi control in client text is shown, never obeyed (markup
    a macro made stays markup)."""
    if isinstance(value, Markup):
        return Markup(show_bidi(str(value)))
    return show_bidi(value) if isinstance(value, str) else value


def _dropped(value: Any) -> Any:
    if isinstance(value, Markup):
        return Markup(drop_bidi(str(value)))
    return drop_bidi(value) if isinstance(value, str) else value


def pick_template(env: jinja2.Environment, names: Sequence[str]) -> jinja2.Template:
    """The first of `names` that exists, as a loaded template; TemplateError names the problem."""
    for name in names:
        try:
            return env.get_template(name)
        except jinja2.TemplateNotFound as exc:
            # A template that exists but includes a missing one must not be skipped silently.
            if exc.name != name:
                raise TemplateError(f"template {name} includes {exc.name}, which does not exist") from None
            continue
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or name
            raise TemplateError(f"{where}:{exc.lineno}: template syntax error: {exc.message}") from None
    searched = ", ".join(_folders(env))
    raise TemplateError(f"no template named {' or '.join(names)} in {searched}")


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render, turning Jinja2's errors into one clear TemplateError line."""
    try:
        return template.render(**context)
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template {template.filename or template.name}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {template.filename or template.name}: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        # A mistake in a user's own template is bad input, not a scopewatch bug: say where it is.
        raise TemplateError(f"template {template.filename or template.name}: {type(exc).__name__}: {exc}") from None


def _folders(env: jinja2.Environment) -> list[str]:
    loader = env.loader
    out: list[str] = []
    if isinstance(loader, jinja2.ChoiceLoader):
        for sub in loader.loaders:
            if isinstance(sub, jinja2.FileSystemLoader):
                out.extend(sub.searchpath)
    return out

"""Raw RFC 5322 bytes to a clean message: headers, language and the text the sender newly wrote."""

from scopewatch.parse.language import detect_language
from scopewatch.parse.message import ParsedMessage
from scopewatch.parse.parser import parse_message
from scopewatch.parse.quotes import strip_quotes

__all__ = ["ParsedMessage", "detect_language", "parse_message", "strip_quotes"]

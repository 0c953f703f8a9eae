"""Raw RFC 5322 bytes to a clean message: headers, language and the text the sender newly wrote."""

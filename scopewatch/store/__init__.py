"""The request ledger: the only code that opens database sessions."""

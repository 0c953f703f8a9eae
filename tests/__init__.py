"""The scopewatch test suite (a package, so fixtures and helpers import as tests.*)."""

"""The watching service's parts: the per-folder watcher, backoff, logging, health and metrics."""

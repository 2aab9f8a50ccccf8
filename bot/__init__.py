"""Composition root: settings, CLI, bootstrap and the messenger adapters."""

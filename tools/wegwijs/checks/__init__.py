"""Content checks for content managers: ``python -m tools check`` runs them all."""

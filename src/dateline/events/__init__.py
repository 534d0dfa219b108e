"""The `events` stage: PLOVER coding of resolved sentences."""

"""The `resolve` stage: who (actors), where (places) and when (times) a text speaks of."""

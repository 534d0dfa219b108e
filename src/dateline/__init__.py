"""dateline: sourced, queryable political and security events from news reports."""

__version__ = "0.1.0"

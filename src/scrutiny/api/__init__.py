"""The read-only JSON API under /api/v1/ and the exports (CSV, JSON, XLSX) of every list."""

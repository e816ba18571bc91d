"""`scrutiny bench serve` and `scrutiny bench load`: the dashboard measured on a realistic
database of a million findings, as issue 5 is checked (build.py makes the database)."""

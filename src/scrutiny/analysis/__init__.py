"""Trends, top themes, comparisons and coverage: the dashboard's analysis views and charts."""

"""Scrutiny: the UK NPM's Reporting Dashboard and transparency tools."""

__version__ = "0.1.0"

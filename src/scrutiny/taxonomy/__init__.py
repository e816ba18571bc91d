"""Themes, populations and settings as versioned data the secretariat edits: rename, merge, split, import and export."""

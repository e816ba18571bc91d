"""Pure Python, no Django: text from files with a page map, segmentation, extraction profiles,
tagging. Everything here works on strings and files and is testable without a database."""

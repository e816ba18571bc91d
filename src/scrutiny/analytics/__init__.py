"""Usage counts without cookies or personal data, shown to the secretariat."""

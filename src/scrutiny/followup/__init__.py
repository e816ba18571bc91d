"""Follow-up: later assessments linked to the findings they assess, and each finding's status history."""

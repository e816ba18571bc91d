"""The correspondence's work: reply-due dates, letter files, the register's queries."""

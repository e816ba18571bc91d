"""Running Scrutiny on a server: backup and restore of the database with the kept report files."""

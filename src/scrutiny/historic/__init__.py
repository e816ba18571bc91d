"""Historic import and export: findings in a spreadsheet template (CSV or XLSX), one row per
finding carrying its report's details, for backdating the dashboard to 2009 (docs/historic-import.md)."""

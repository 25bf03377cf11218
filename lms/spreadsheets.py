"""Cells for CSV and XLSX exports. A spreadsheet runs text that starts like a formula
(= + - @, a tab or a carriage return), so such text gets a quote in front."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value to write: formula-like text quoted, None empty, the rest unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value

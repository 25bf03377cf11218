"""English dates: one style on every page, PDF and e-mail (2 Dec 2026, 24-hour
times). Input formats stay Django's (ISO first)."""

DATE_FORMAT = "j M Y"  # 2 Dec 2026
SHORT_DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"  # 14:05
DATETIME_FORMAT = "j M Y, H:i"  # 2 Dec 2026, 14:05
SHORT_DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "M Y"  # Dec 2026
MONTH_DAY_FORMAT = "j M"  # 2 Dec
FIRST_DAY_OF_WEEK = 1  # Monday, as in China

"""Chinese dates: one style on every page, PDF and e-mail (2026年12月2日, 24-hour
times). Input formats stay Django's."""

DATE_FORMAT = "Y年n月j日"  # 2026年12月2日
SHORT_DATE_FORMAT = "Y年n月j日"
TIME_FORMAT = "H:i"  # 14:05
DATETIME_FORMAT = "Y年n月j日 H:i"  # 2026年12月2日 14:05
SHORT_DATETIME_FORMAT = "Y年n月j日 H:i"
YEAR_MONTH_FORMAT = "Y年n月"  # 2026年12月
MONTH_DAY_FORMAT = "n月j日"  # 12月2日
FIRST_DAY_OF_WEEK = 1

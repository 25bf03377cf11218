"""Export cells never run as spreadsheet formulas (CSV/XLSX injection)."""

import pytest

from lms.spreadsheets import safe_cell


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_a_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(("value", "kept"), [("Wang Fang", "Wang Fang"), (42, 42)])
def test_other_values_are_kept(value, kept):
    assert safe_cell(value) == kept


def test_none_is_an_empty_cell():
    assert safe_cell(None) == ""

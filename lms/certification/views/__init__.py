"""Certification's pages (thin: rules live in services and selectors)."""

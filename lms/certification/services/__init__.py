"""Certification's state changes (see ``lms.certification``)."""

"""How generated records are named and spread, so that the benchmarks find them
(``bench.run``, ``bench.load``, ``bench.throughput``) and a second run recognises them:
e-mail addresses, course slugs, valid enterprise credit codes, and which courses a
worker takes."""

from __future__ import annotations

BATCH = 5_000
EMAIL = "bench-{kind}-{n}@bench.example"
COURSE_SLUG = "bench-course-{n}"


def hr_email(n: int = 0) -> str:
    return EMAIL.format(kind="hr", n=n)


def worker_email(n: int = 0) -> str:
    return EMAIL.format(kind="worker", n=n)


def mentor_email(n: int = 0) -> str:
    return EMAIL.format(kind="mentor", n=n)


def credit_code(n: int) -> str:
    from lms.validators import CREDIT_CODE_ALPHABET, credit_code_check_char

    body = "92440000" + "".join(
        CREDIT_CODE_ALPHABET[(n // 31**i) % 31] for i in range(9)
    )
    return body + credit_code_check_char(body)


def course_of(user_index: int, j: int, courses: int) -> int:
    """The j-th course of a worker: distinct for every j < courses (37 is coprime
    with 20 and 100), so (user, course) stays unique."""
    return (user_index + 37 * j) % courses


EXAM_SLUG = "bench-exam"
LEARNERS = 3_000  # learners the load scenarios need (the exam start's 3,000)


def learner_email(n: int = 0) -> str:
    """An extra learner, made when the size has fewer workers than ``LEARNERS``."""
    return EMAIL.format(kind="learner", n=n)

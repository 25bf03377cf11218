"""The quiz of every generated lesson and its answer key. The load scenarios
(``bench.scenarios``) answer from the same key, right or wrong on purpose, so the
server grades real answers; the key is a naming rule, not data the page gives away:
question ``<base>q1`` has options ``<base>q1-a`` (right), ``-b`` and ``-c``;
``<base>q2`` is true; ``<base>q3`` is 25 mm (± 0.1)."""

from __future__ import annotations

from collections.abc import Sequence

PASS_MARK = 70  # three questions: all three right to pass
MAX_ATTEMPTS = 3
NUMERIC_RIGHT, NUMERIC_WRONG = "25.05", "31"


def quiz_id(base: str) -> str:
    return f"{base}quiz"


def quiz_block(base: str, title: str = "Check your understanding") -> dict:
    """A quiz block (raw StreamField data) whose block ids all start with ``base``."""

    def option(q: str, letter: str, text: str, correct: bool) -> dict:
        return {
            "type": "item",
            "id": f"{base}{q}-{letter}",
            "value": {"text": text, "correct": correct},
        }

    return {
        "type": "quiz",
        "id": quiz_id(base),
        "value": {
            "title": title,
            "intro": "",
            "pass_mark": PASS_MARK,
            "max_attempts": MAX_ATTEMPTS,
            "questions": [
                {
                    "type": "single_choice",
                    "id": f"{base}q1",
                    "value": {
                        "prompt": "What do you check before you clamp the workpiece?",
                        "explanation": "The drawing comes first.",
                        "options": [
                            option("q1", "a", "It against the drawing", True),
                            option("q1", "b", "The colour of the machine", False),
                            option("q1", "c", "Nothing", False),
                        ],
                    },
                },
                {
                    "type": "true_false",
                    "id": f"{base}q2",
                    "value": {
                        "prompt": "A value outside the tolerance band goes to the "
                        "team leader.",
                        "explanation": "Always.",
                        "answer": "true",
                    },
                },
                {
                    "type": "numeric",
                    "id": f"{base}q3",
                    "value": {
                        "prompt": "The drawing says 25 mm ± 0.1. Which reading passes?",
                        "explanation": "Within the band.",
                        "answer": "25",
                        "tolerance": "0.1",
                        "unit": "mm",
                    },
                },
            ],
        },
    }


def answers(quiz: str, right: Sequence[bool]) -> list[tuple[str, str]]:
    """The form fields answering quiz ``quiz`` (its block id): question n right when
    ``right[n]``."""
    base = quiz.removesuffix("quiz")
    q1, q2, q3 = (bool(r) for r in right)
    return [
        (f"q-{base}q1", f"{base}q1-a" if q1 else f"{base}q1-b"),
        (f"q-{base}q2", "true" if q2 else "false"),
        (f"q-{base}q3", NUMERIC_RIGHT if q3 else NUMERIC_WRONG),
    ]


def passes(right: Sequence[bool]) -> bool:
    return 100 * sum(map(bool, right)) // len(right) >= PASS_MARK

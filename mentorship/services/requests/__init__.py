"""Service requests: the enterprise places the order, the union reviews and publishes
it (placing), mentors of the trade offer and the union assigns one (matching), the
mentor visits and closes it, the enterprise confirms and rates, or reopens it as not
solved; unanswered for ``ServiceRequest.ANSWER_DAYS`` it counts as confirmed
(outcome). Each step is recorded and a step out of order is refused (steps). Import
from the module that owns the step; this package re-exports nothing."""

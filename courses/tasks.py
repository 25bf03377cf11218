from celery import shared_task

from courses.services import completion


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 8},
)
def issue_course_certificate(self, completion_id: int) -> None:
    """Issues the certificate of a course completion; safe to run twice."""
    completion.course_completion_certificate_issue(completion_id=completion_id)


@shared_task
def certificates_issue_pending() -> int:
    """Beat, every few minutes: the certificate step of completions whose task never
    reached the broker (Redis down) or was lost with a worker; a bounded batch."""
    return completion.course_completions_settle_pending()

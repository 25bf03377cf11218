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

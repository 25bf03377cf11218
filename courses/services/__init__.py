"""Every change with rules: enrolment, progress, quizzes, practical tasks, completion.
Import from the module that does the job (``courses.services.quizzes`` ...)."""

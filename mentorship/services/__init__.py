"""Every change with rules in the mentorship app: agreements, milestones, sessions and
service requests. Views, tasks and the demo loader call these; none repeats a rule."""

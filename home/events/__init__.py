"""Events of the unions: conferences with their programme (forums, sub-forums,
exhibitions, roadshow sessions), the innovation achievements exhibited there, seat
reservations with a waiting list, QR tickets and check-in at the door. A package of
its own inside ``home`` (its models belong to the ``home`` app)."""

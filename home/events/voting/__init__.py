"""Public voting: an audience award by online vote for an event. The organiser sets
a ballot (its options are craftsmen or achievements, each with a display name and an
optional link to a role-model profile or a studio achievement) with its opening and
closing times; every verified person votes once per ballot; the totals are hidden
while voting is open and published, computed on read, once it has closed. Counted
apart from the roadshow judges' scores (``home.events.judging``): nothing here reads
or writes them."""

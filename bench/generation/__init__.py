"""The parts of the benchmark data generator (``bench.generate`` runs them in one
transaction): naming, people, courses and records. Nothing re-exported."""

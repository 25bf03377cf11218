"""Skills competitions (技能比武): one per occupation, enterprises enter their
workers, a theory round scored by a course quiz, a practical round scored by a
judging panel (``home.events.judging``), combined rankings the organiser
publishes, placings that count on the winner's skill ladder and a placing
certificate that verifies like the others. Models belong to the ``home`` app."""

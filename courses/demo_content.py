"""The words of the demo courses: lessons as (title, module, minutes, blocks).
Block ids are derived from names so that loading the demo twice gives the same ids."""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5b0f5d1e-8d1c-4b47-9a57-1c2f0e6a7d11")


def bid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def text(key: str, html: str) -> dict:
    return {"type": "text", "value": html, "id": bid(key)}


def safety(key: str, severity: str, title: str, html: str, ppe: str = "") -> dict:
    return {
        "type": "safety",
        "id": bid(key),
        "value": {
            "severity": severity,
            "title": title,
            "text": html,
            "protective_equipment": ppe,
        },
    }


def procedure(key: str, title: str, steps: list[str]) -> dict:
    return {
        "type": "procedure",
        "id": bid(key),
        "value": {
            "title": title,
            "steps": [
                {
                    "type": "item",
                    "id": bid(key, str(i)),
                    "value": {"text": f"<p>{s}</p>", "photo": None, "photo_alt": ""},
                }
                for i, s in enumerate(steps)
            ],
        },
    }


def video_link(key: str, title: str, url: str, transcript: str) -> dict:
    return {
        "type": "video",
        "id": bid(key),
        "value": {"video": None, "url": url, "title": title, "transcript": transcript},
    }


def single(key: str, prompt: str, options: list[tuple[str, bool]], why: str) -> dict:
    return {
        "type": "single_choice",
        "id": bid(key),
        "value": {
            "prompt": prompt,
            "explanation": why,
            "options": [
                {"type": "item", "id": bid(key, o), "value": {"text": o, "correct": c}}
                for o, c in options
            ],
        },
    }


def multiple(key: str, prompt: str, options: list[tuple[str, bool]], why: str) -> dict:
    block = single(key, prompt, options, why)
    block["type"] = "multiple_choice"
    return block


def true_false(key: str, prompt: str, answer: bool, why: str) -> dict:
    return {
        "type": "true_false",
        "id": bid(key),
        "value": {
            "prompt": prompt,
            "explanation": why,
            "answer": "true" if answer else "false",
        },
    }


def numeric(
    key: str, prompt: str, answer: str, tolerance: str, unit: str, why: str
) -> dict:
    return {
        "type": "numeric",
        "id": bid(key),
        "value": {
            "prompt": prompt,
            "explanation": why,
            "answer": answer,
            "tolerance": tolerance,
            "unit": unit,
        },
    }


def quiz(key: str, title: str, questions: list, pass_mark=70, attempts=3) -> dict:
    return {
        "type": "quiz",
        "id": bid(key),
        "value": {
            "title": title,
            "intro": "",
            "pass_mark": pass_mark,
            "max_attempts": attempts,
            "questions": questions,
        },
    }


def practical(key: str, title: str, html: str, photos: int = 2) -> dict:
    return {
        "type": "practical",
        "id": bid(key),
        "value": {"title": title, "instructions": html, "min_photos": photos},
    }


# --- AI + Textile ---------------------------------------------------------------

AI_TEXTILE = [
    (
        "What AI does in spinning and weaving mills",
        "Foundations",
        25,
        [
            text(
                "ait-1-a",
                "<p>Artificial intelligence in a mill is not a robot that replaces the "
                "spinner. It is software that watches more signals than a person can: "
                "yarn tension on every spindle, the sound of every loom, the picture "
                "of every metre of cloth. It points you to the machine that needs you "
                "<b>before</b> the fault spreads.</p>"
                "<h3>Where it is used today</h3><ul>"
                "<li><b>Spinning:</b> end-break detection on ring frames; the system "
                "sends the tenter to the right spindle instead of patrolling.</li>"
                "<li><b>Weaving:</b> warp- and weft-stop analysis; which beam, which "
                "shift, which yarn lot causes most stops.</li>"
                "<li><b>Inspection:</b> cameras over the cloth find holes, slubs and "
                "oil stains at full speed.</li>"
                "<li><b>Maintenance:</b> vibration and temperature trends warn of a "
                "failing bearing days ahead.</li></ul>",
            ),
            text(
                "ait-1-b",
                "<h3>What stays with you</h3><p>The model only learns from what the "
                "mill has seen. Your judgement closes the loop: you confirm or reject "
                "an alarm, and that answer trains the next version. A false alarm you "
                "mark today is one fewer tomorrow.</p>",
            ),
            quiz(
                "ait-1-quiz",
                "Check your understanding",
                [
                    single(
                        "ait-1-q1",
                        "What does end-break detection on a ring frame give the "
                        "spinner?",
                        [
                            ("The exact spindle to piece up", True),
                            ("A faster spindle speed", False),
                            ("A new yarn count", False),
                        ],
                        "The sensor on each spindle reports the break, so the tenter "
                        "walks straight to it instead of patrolling the frame.",
                    ),
                    true_false(
                        "ait-1-q2",
                        "Marking a false alarm as false helps the system improve.",
                        True,
                        "Operator feedback is labelled data: the next model learns "
                        "from it.",
                    ),
                ],
                pass_mark=50,
            ),
        ],
    ),
    (
        "Machine-vision detection of fabric defects",
        "Quality",
        35,
        [
            text(
                "ait-2-a",
                "<p>A vision system has three parts: <b>lighting</b> that makes the "
                "defect visible, <b>line-scan cameras</b> across the full width, and a "
                "<b>model</b> that classifies each patch of cloth. Most missed defects "
                "are a lighting problem, not a model problem.</p>"
                "<h3>Defects it is trained to find</h3><ul><li>Holes and cuts</li>"
                "<li>Broken ends and missing picks (lines along or across)</li>"
                "<li>Slubs and thick places</li><li>Oil and dirt stains</li>"
                "<li>Reed marks and starting marks</li></ul>",
            ),
            procedure(
                "ait-2-proc",
                "When the system flags a defect",
                [
                    "Look at the image on the inspection screen and the metre mark.",
                    "Find the place on the cloth at the inspection frame and confirm "
                    "with your own eyes.",
                    "Mark the alarm <b>confirmed</b> or <b>false</b> on the screen; "
                    "choose the defect type if it is wrong.",
                    "If the same defect repeats every few metres, stop and call the "
                    "weaver: the cause is on the loom, not the cloth.",
                ],
            ),
            safety(
                "ait-2-safety",
                "caution",
                "Camera lighting",
                "<p>Inspection lights are very bright. Do not look into the light bar; "
                "clean the cover glass only with the line stopped.</p>",
            ),
        ],
    ),
    (
        "Predictive maintenance of looms from sensor data",
        "Line data",
        35,
        [
            text(
                "ait-3-a",
                "<p>A loom tells you it is wearing out long before it breaks. "
                "Vibration sensors on the main shaft and the sley, a temperature "
                "sensor on the main motor and the stop counter together show the "
                "trend. The model compares each loom with its own normal and with the "
                "others of its type.</p><h3>Typical warnings</h3><ul>"
                "<li><b>Rising vibration at one frequency:</b> a bearing or gear is "
                "wearing.</li><li><b>Motor temperature creeping up:</b> poor "
                "lubrication or an overloaded drive.</li><li><b>More weft stops on "
                "one loom than its neighbours on the same yarn:</b> a mechanical "
                "setting, not the yarn.</li></ul>",
            ),
            video_link(
                "ait-3-video",
                "Reading a vibration trend (mill training network)",
                "http://training.mill.local/videos/vibration-trend.mp4",
                "The trainer shows a week of vibration readings on loom 14. The line "
                "is flat, then rises by about 30% over three days. The bearing was "
                "changed in the next planned stop; the old one showed pitting.",
            ),
            quiz(
                "ait-3-quiz",
                "Reading the signals",
                [
                    single(
                        "ait-3-q1",
                        "One loom has twice the weft stops of its neighbours on the "
                        "same yarn lot. What do you check first?",
                        [
                            ("The loom's mechanical settings", True),
                            ("The yarn lot", False),
                            ("The camera lighting", False),
                        ],
                        "Same yarn on the neighbours runs well, so the difference is "
                        "in the loom.",
                    ),
                    numeric(
                        "ait-3-q2",
                        "Normal vibration on a loom is 2.0 mm/s. The alert is set at "
                        "50% above normal. At what reading does it alert?",
                        "3.0",
                        "0.05",
                        "mm/s",
                        "2.0 × 1.5 = 3.0 mm/s.",
                    ),
                ],
            ),
        ],
    ),
    (
        "Reading a dashboard of line data",
        "Line data",
        25,
        [
            text(
                "ait-4-a",
                "<p>The line dashboard shows, per machine and per shift: "
                "<b>efficiency</b> (running time ÷ planned time), <b>stops per "
                "100,000 picks</b>, <b>defects per 100 metres</b> and open "
                "maintenance warnings. Red is not a verdict: it is a question to "
                "ask.</p><h3>Three habits</h3><ol><li>Compare a machine with itself "
                "last week before comparing it with others.</li><li>Look at the "
                "trend over several shifts, not one bad hour.</li><li>Write down what "
                "you changed, so the next shift can see if it helped.</li></ol>",
            ),
            quiz(
                "ait-4-quiz",
                "Dashboard check",
                [
                    numeric(
                        "ait-4-q1",
                        "A loom was planned to run 480 minutes and ran 432. What is "
                        "its efficiency in percent?",
                        "90",
                        "0.5",
                        "%",
                        "432 ÷ 480 = 0.9, so 90%.",
                    ),
                    multiple(
                        "ait-4-q2",
                        "Which are good habits when a machine turns red?",
                        [
                            ("Compare it with its own recent trend", True),
                            ("Write down what you changed", True),
                            ("Reset the counter so the red goes away", False),
                        ],
                        "Resetting hides the problem; the trend and a note help find "
                        "it.",
                    ),
                ],
            ),
        ],
    ),
    (
        "Working safely beside automated lines",
        "Safety",
        30,
        [
            safety(
                "ait-5-lockout",
                "danger",
                "Automatic restart",
                "<p>An automated line can start without warning when a sensor clears. "
                "<b>Never</b> reach into a machine that is only stopped: lock it "
                "out.</p>",
                "Close-fitting clothes, hair tied back, safety shoes, hearing "
                "protection in the weaving hall",
            ),
            procedure(
                "ait-5-proc",
                "Lock-out before you clear a jam",
                [
                    "Stop the machine with the stop button and tell your neighbour.",
                    "Switch off the main isolator and put your own padlock on it.",
                    "Try the start button: nothing must move.",
                    "Clear the jam; keep hands away from the cutter and the sley.",
                    "Remove your tools, then your padlock, and restart.",
                ],
            ),
            text(
                "ait-5-a",
                "<p>Automated guided vehicles carry beams and cloth rolls between "
                "halls. Walk only on marked paths; the vehicle stops for people it "
                "sees, but a beam on a trolley may hide you.</p>",
            ),
        ],
    ),
    (
        "Final quiz",
        "Assessment",
        20,
        [
            quiz(
                "ait-final",
                "Final quiz: AI + Textile",
                [
                    single(
                        "ait-f-q1",
                        "Most missed defects in a vision system are caused by…",
                        [
                            ("lighting", True),
                            ("the weaver", False),
                            ("the yarn count", False),
                        ],
                        "If the defect is not visible in the image, no model finds it.",
                    ),
                    true_false(
                        "ait-f-q2",
                        "A stopped automated line is safe to reach into.",
                        False,
                        "It may restart when a sensor clears: lock it out first.",
                    ),
                    multiple(
                        "ait-f-q3",
                        "Which signals are used for predictive maintenance of looms?",
                        [
                            ("Shaft vibration", True),
                            ("Motor temperature", True),
                            ("Stop counts", True),
                            ("The colour of the cloth", False),
                        ],
                        "Vibration, temperature and stops together show wear.",
                    ),
                    numeric(
                        "ait-f-q4",
                        "A roll of 120 m has 3 defects. How many defects per 100 m?",
                        "2.5",
                        "0.01",
                        "per 100 m",
                        "3 ÷ 120 × 100 = 2.5.",
                    ),
                ],
                pass_mark=75,
                attempts=3,
            )
        ],
    ),
    (
        "Practical task: confirm alarms at your line",
        "Assessment",
        60,
        [
            practical(
                "ait-practical",
                "Confirm five vision alarms and clean a camera cover",
                "<p>During one shift, with your team leader's agreement:</p><ol>"
                "<li>Confirm or reject five alarms of the vision system at the "
                "inspection frame; photograph each place on the cloth.</li>"
                "<li>With the line locked out, clean the camera cover glass and "
                "photograph it before and after.</li></ol><p>Write which alarms were "
                "real and what you changed.</p>",
                photos=2,
            )
        ],
    ),
]


WELDING_ROBOT = [
    (
        "The welding cell and its safety zone",
        "",
        30,
        [
            text(
                "wr-1-a",
                "<p>A robot welding cell has the robot arm, the welding power source "
                "and wire feeder, a positioner that turns the part, and a fence with "
                "interlocked doors and light curtains. In automatic mode nobody is in "
                "the cell.</p>",
            ),
            safety(
                "wr-1-safety",
                "danger",
                "Arc light and robot motion",
                "<p>Enter the cell only in teach mode with the enabling switch in your "
                "hand and reduced speed. Arc light burns eyes and skin: use the "
                "screens.</p>",
                "Welding helmet or glasses with the right shade, gloves, flame-"
                "resistant jacket",
            ),
            quiz(
                "wr-1-quiz",
                "Cell safety",
                [
                    true_false(
                        "wr-1-q1",
                        "You may enter the cell in automatic mode if you are quick.",
                        False,
                        "Only teach mode, with the enabling switch and reduced speed.",
                    ),
                    single(
                        "wr-1-q2",
                        "What stops the robot when someone opens the cell door?",
                        [
                            ("The door interlock", True),
                            ("The wire feeder", False),
                            ("The positioner", False),
                        ],
                        "Interlocked doors and light curtains stop the cell.",
                    ),
                ],
            ),
        ],
    ),
    (
        "Teaching a weld path",
        "",
        40,
        [
            procedure(
                "wr-2-proc",
                "Teach a fillet weld on a bracket",
                [
                    "Select teach mode and reduced speed; hold the enabling switch.",
                    "Move the torch to the approach point 50 mm above the start.",
                    "Set the torch angle to 45° to both plates and 10–15° push angle.",
                    "Record the start point, then the end point of the seam.",
                    "Set current, voltage and travel speed from the welding procedure "
                    "specification.",
                    "Run the path without arc (dry run) and watch the wire tip.",
                ],
            ),
            quiz(
                "wr-2-quiz",
                "Weld path",
                [
                    numeric(
                        "wr-2-q1",
                        "For a fillet weld between two plates at 90°, what work angle "
                        "(degrees) do you set?",
                        "45",
                        "2",
                        "°",
                        "Half of the 90° joint: 45° to each plate.",
                    ),
                    single(
                        "wr-2-q2",
                        "Why run the program without arc first?",
                        [
                            ("To check the path and clearances safely", True),
                            ("To warm up the wire", False),
                            ("To save gas", False),
                        ],
                        "A dry run shows collisions and wrong points before welding.",
                    ),
                ],
            ),
        ],
    ),
    (
        "Finding the cause of porosity",
        "",
        30,
        [
            text(
                "wr-3-a",
                "<p>Porosity (gas holes) in robot welds usually comes from the gas "
                "shield: too low or too high gas flow, a draught from a fan, spatter "
                "in the nozzle, or oil on the part. Check in that order; it is quicker "
                "than changing parameters.</p>",
            ),
            quiz(
                "wr-3-quiz",
                "Porosity",
                [
                    multiple(
                        "wr-3-q1",
                        "Which can cause porosity?",
                        [
                            ("Spatter in the gas nozzle", True),
                            ("A fan blowing across the cell", True),
                            ("Oil on the part", True),
                            ("A correct gas flow", False),
                        ],
                        "All three disturb or contaminate the gas shield.",
                    )
                ],
            ),
        ],
    ),
]


CNC_VALVE = [
    (
        "Reading the valve-body drawing",
        "",
        30,
        [
            text(
                "cnc-1-a",
                "<p>A valve body has intersecting holes whose position and "
                "coaxiality decide whether the valve seals. Before you touch the "
                "machine, mark on the drawing the datum holes, the tightest "
                "tolerances and the holes that meet inside the part.</p>",
            ),
            quiz(
                "cnc-1-quiz",
                "Drawing",
                [
                    single(
                        "cnc-1-q1",
                        "What do you mark first on a valve-body drawing?",
                        [
                            ("The datums", True),
                            ("The surface finish of the outside", False),
                            ("The part number", False),
                        ],
                        "Every hole position is measured from the datums.",
                    )
                ],
            ),
        ],
    ),
    (
        "Han Liping's method for complex hole systems",
        "",
        45,
        [
            text(
                "cnc-2-a",
                "<p>Han Liping, CNC machining-centre operator and national model "
                "worker, machines launch-platform valve bodies whose holes meet at "
                "odd angles. Her method: one set-up for all holes of a system where "
                "possible, a measured reference hole first, and every deep hole "
                "started with a short, stiff pilot drill.</p>",
            ),
            procedure(
                "cnc-2-proc",
                "Machining an intersecting hole pair",
                [
                    "Clamp on the datum faces; indicate the reference hole to within "
                    "0.005 mm.",
                    "Spot and pilot-drill both holes with a short drill.",
                    "Drill the main hole to depth; deburr the intersection from the "
                    "main hole.",
                    "Drill the side hole only to the intersection, reduce feed by half "
                    "for the last 2 mm to avoid a burr.",
                    "Ream both holes in the same set-up; measure before unclamping.",
                ],
            ),
            quiz(
                "cnc-2-quiz",
                "Hole systems",
                [
                    numeric(
                        "cnc-2-q1",
                        "Your feed is 0.12 mm/rev. What feed do you use for the last "
                        "2 mm into the intersection?",
                        "0.06",
                        "0.005",
                        "mm/rev",
                        "Half the feed: 0.06 mm/rev.",
                    ),
                    true_false(
                        "cnc-2-q2",
                        "Unclamping between drilling and reaming is fine if you "
                        "re-indicate.",
                        False,
                        "Every re-clamp adds position error; ream in the same set-up.",
                    ),
                ],
            ),
        ],
    ),
]

"""The words of the events demo, in English and Chinese, from the story of the 2nd
Great Country Craftsman Innovation Exchange Conference (Guangming Net, 2023)."""

INDEX = {
    "en": {
        "title": "Events",
        "intro": "Conferences, exhibitions and forums of model workers and craftsmen: "
        "reserve a seat and bring your ticket.",
    },
    "zh": {
        "title": "活动",
        "intro": "劳模工匠的交流大会、成果展览和论坛：在线预约座位，凭票入场。",
    },
}

EVENT = {
    "slug": "2nd-great-country-craftsman-conference",
    "en": {
        "title": "2nd Great Country Craftsman Innovation Exchange Conference",
        "summary": "Building dreams with ingenuity, serving the country with skills: "
        "over 1,200 innovation achievements, forums and a craftsman roadshow.",
        "venue": "Conference and exhibition centre",
        "city": "Beijing",
        "organisers": [
            "All-China Federation of Trade Unions",
            "Beijing Municipal Committee of the Communist Party of China",
            "Beijing Municipal People's Government",
            "Hosted by the ACFTU Labour and Economic Work Department and the "
            "Beijing Federation of Trade Unions",
        ],
        "body": [
            "The conference and the Great Country Craftsman Forum bring together "
            "national model worker and craftsman innovation studios, winners of the "
            "national employee technological innovation awards and leaders of "
            "Beijing's innovation studios.",
            "Exhibition areas show achievements in aerospace, electric power, rail "
            "transit, marine equipment, transport and communication, energy and "
            "chemical engineering and manufacturing, with live demonstrations by "
            "12 great country craftsmen.",
            "In the craftsman roadshow, 15 craftsmen present their achievements and "
            "expert judges, five great country craftsmen among them, score them for "
            "the best, wonderful and excellent display awards.",
        ],
    },
    "zh": {
        "title": "第二届大国工匠创新交流大会",
        "summary": "匠心筑梦 技能报国：1200余项创新成果展览、论坛和工匠路演。",
        "venue": "会展中心",
        "city": "北京",
        "organisers": [
            "中华全国总工会",
            "中共北京市委",
            "北京市人民政府",
            "承办：全国总工会劳动和经济工作部、北京市总工会",
        ],
        "body": [
            "大会暨大国工匠论坛汇聚全国劳模和工匠人才创新工作室、全国职工优秀技术创新"
            "成果获奖者和北京市创新工作室带头人。",
            "展区展示航空航天、电力、轨道交通、海洋装备、交通通信、能源化工和制造业等"
            "领域的创新成果，12位大国工匠现场演示讲解。",
            "“工匠路演”中，15名工匠现场讲解创新成果，包括5位大国工匠在内的专家评委"
            "现场打分，评出最佳展示奖、精彩展示奖和优秀展示奖。",
        ],
    },
}

# Each session: kind, day of the conference (0-2), (start, end), seats (0: open).
SESSIONS = {
    "opening-forum": {
        "kind": "forum",
        "day": 0,
        "time": ((9, 0), (11, 30)),
        "capacity": 300,
        "en": {
            "title": "Exchange Forum for Top Scientists, Outstanding Engineers and "
            "Great Country Craftsmen",
            "room": "Main hall",
            "speakers": ["Academicians and great country craftsmen"],
        },
        "zh": {
            "title": "顶尖科学家、卓越工程师、大国工匠交流论坛",
            "room": "主会场",
            "speakers": ["院士和大国工匠代表"],
        },
    },
    "women-forum": {
        "kind": "forum",
        "day": 0,
        "time": ((14, 0), (16, 0)),
        "capacity": 3,
        "en": {
            "title": "Women Craftsman Forum",
            "room": "Hall B",
            "speakers": ["Han Liping", "Yi Ran"],
        },
        "zh": {"title": "女工匠论坛", "room": "B厅", "speakers": ["韩利萍", "易冉"]},
    },
    "regional-sub-forum": {
        "kind": "sub_forum",
        "day": 1,
        "time": ((9, 30), (11, 30)),
        "capacity": 80,
        "en": {
            "title": "Sub-forum: craftsmen of the Beijing–Tianjin–Hebei region",
            "room": "Room 3",
            "speakers": ["Representatives of the regional innovation studios"],
        },
        "zh": {
            "title": "分论坛：京津冀地区工匠交流",
            "room": "第3会议室",
            "speakers": ["区域创新工作室代表"],
        },
    },
    "exhibition": {
        "kind": "exhibition",
        "day": 0,
        "time": ((9, 0), (17, 0)),
        "capacity": 0,
        "en": {
            "title": "Exhibition of craftsmen's innovation achievements",
            "room": "Exhibition halls A1–A3",
            "speakers": [],
        },
        "zh": {
            "title": "工匠创新成果展",
            "room": "A1–A3展厅",
            "speakers": [],
        },
    },
    "roadshow": {
        "kind": "roadshow",
        "day": 2,
        "time": ((9, 0), (12, 0)),
        "capacity": 120,
        "en": {
            "title": "Craftsman roadshow",
            "room": "Main hall",
            "speakers": ["15 craftsmen present; expert judges score on site"],
        },
        "zh": {
            "title": "工匠路演",
            "room": "主会场",
            "speakers": ["15名工匠现场讲解，专家评委现场打分"],
        },
    },
}

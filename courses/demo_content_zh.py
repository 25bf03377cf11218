"""The Simplified Chinese words of the demo courses, applied to the Chinese copies
that ``copy_for_translation`` makes (then registered as wagtail-localize translations,
these words becoming the translated strings). A copy keeps every StreamField block
id, so the words here are found by the same keys as in ``demo_content``
(``bid(key)``); options of a question and steps of a procedure are in the same order
as in English."""

from __future__ import annotations

from courses.demo_content import bid

CATALOGUE = {
    "title": "课程",
    "intro": "与劳动模范、大国工匠一起编写的课程，为车间一线而写。",
}

COURSES = {
    "ai-textile": {
        "title": "人工智能+纺织：智能纺纱与织造",
        "summary": "人工智能怎样帮助纺纱工、织布工和纺织机械操作工：机器视觉验布、"
        "织机预测性维护、看懂生产线数据看板，以及在自动化生产线旁安全作业。"
        "课程来自纺织行业劳模和工匠人才创新工作室联盟的培训计划。",
        "outcomes": "<ul><li>说清楚车间里的人工智能系统做什么、需要你做什么</li>"
        "<li>对布面疵点报警作出确认或否定</li><li>看懂振动和停台趋势，及时提出"
        "维修申请</li><li>清理堵塞前先对自动化设备上锁挂牌</li></ul>",
    },
    "welding-robot-operation": {
        "title": "焊接机器人操作",
        "summary": "安全地操作弧焊机器人工作站并进行示教：工作站及其安全区域、"
        "焊接轨迹示教、气孔成因排查。由全国劳动模范、国家级技能大师易冉主讲。",
        "outcomes": "<ul><li>在示教模式下安全进入机器人工作站作业</li>"
        "<li>示教并空运行一条角焊缝</li><li>查明气孔产生的原因</li></ul>",
    },
    "cnc-valve-body-hole-systems": {
        "title": "阀体孔系数控精密加工",
        "summary": "韩利萍加工航天发射装备阀体复杂交叉孔系的操作法：读懂图样、"
        "一次装夹、先钻引导孔、交叉处不留毛刺。",
        "outcomes": "<ul><li>在图样上找出基准和关键孔</li>"
        "<li>加工一对交叉孔且交叉处无毛刺</li></ul>",
    },
}


# --- helpers: (block id, the words of that block) ---------------------------------


def text(key: str, html: str) -> tuple[str, dict]:
    return bid(key), {"text": html}


def safety(key: str, title: str, html: str, ppe: str = "") -> tuple[str, dict]:
    return bid(key), {"title": title, "text": html, "protective_equipment": ppe}


def procedure(key: str, title: str, steps: list[str]) -> tuple[str, dict]:
    return bid(key), {"title": title, "steps": steps}


def video(key: str, title: str, transcript: str) -> tuple[str, dict]:
    return bid(key), {"title": title, "transcript": transcript}


def quiz(key: str, title: str, questions: list) -> tuple[str, dict]:
    return bid(key), {"title": title, "questions": dict(questions)}


def question(
    key: str, prompt: str, why: str, options: list[str] | None = None, unit=None
) -> tuple[str, dict]:
    words = {"prompt": prompt, "explanation": why}
    if options is not None:
        words["options"] = options
    if unit is not None:
        words["unit"] = unit
    return bid(key), words


def practical(key: str, title: str, html: str) -> tuple[str, dict]:
    return bid(key), {"title": title, "instructions": html}


def lesson(title: str, module: str, *blocks: tuple[str, dict]) -> dict:
    return {"title": title, "module": module, "blocks": dict(blocks)}


# --- 人工智能+纺织 ----------------------------------------------------------------

AI_TEXTILE = [
    lesson(
        "人工智能在纺纱和织造车间里做什么",
        "基础",
        text(
            "ait-1-a",
            "<p>车间里的人工智能不是替代挡车工的机器人，而是一套软件：它能同时"
            "盯住比人多得多的信号——每个锭子上的纱线张力、每台织机的声音、每一米"
            "布的图像。它在故障扩大<b>之前</b>，把你引到需要你的那台设备前。</p>"
            "<h3>目前用在哪些地方</h3><ul>"
            "<li><b>纺纱：</b>细纱机断头检测，系统直接把挡车工引到断头的锭子，"
            "不用再来回巡回。</li>"
            "<li><b>织造：</b>经停、纬停分析——哪只织轴、哪个班次、哪批纱线"
            "造成的停台最多。</li>"
            "<li><b>验布：</b>布面上方的相机在全速运行中找出破洞、粗节和油污。</li>"
            "<li><b>维护：</b>振动和温度趋势能提前几天预警即将损坏的轴承。</li>"
            "</ul>",
        ),
        text(
            "ait-1-b",
            "<h3>哪些事始终靠你</h3><p>模型只能从车间见过的情况中学习。闭环要靠"
            "你的判断：你确认或否定一次报警，这个结果就会用来训练下一版模型。"
            "今天你标记一次误报，明天就少一次误报。</p>",
        ),
        quiz(
            "ait-1-quiz",
            "检验一下你的理解",
            [
                question(
                    "ait-1-q1",
                    "细纱机断头检测能给挡车工带来什么？",
                    "每个锭子上的传感器都会报告断头，挡车工可以直奔断头处，"
                    "不必沿机台来回巡回。",
                    ["准确指出要接头的锭子", "更高的锭速", "新的纱线支数"],
                ),
                question(
                    "ait-1-q2",
                    "把误报标记为“误报”，有助于系统不断改进。",
                    "操作工的反馈就是标注数据，下一版模型会从中学习。",
                ),
            ],
        ),
    ),
    lesson(
        "机器视觉布面疵点检测",
        "质量",
        text(
            "ait-2-a",
            "<p>视觉检测系统由三部分组成：让疵点显现出来的<b>照明</b>、覆盖整个"
            "幅宽的<b>线阵相机</b>，以及对每一块布面进行分类的<b>模型</b>。大多数"
            "漏检是照明问题，而不是模型问题。</p>"
            "<h3>系统经过训练能发现的疵点</h3><ul><li>破洞和割伤</li>"
            "<li>断经和缺纬（沿经向或纬向的条痕）</li>"
            "<li>粗节和竹节</li><li>油污和污渍</li>"
            "<li>筘痕和开车痕</li></ul>",
        ),
        procedure(
            "ait-2-proc",
            "系统报出疵点时怎么做",
            [
                "查看验布屏幕上的图像和米数标记。",
                "在验布架上找到布面上的对应位置，亲眼确认。",
                "在屏幕上把报警标记为<b>确认</b>或<b>误报</b>；如果疵点类型不对，"
                "选择正确的类型。",
                "如果同一疵点每隔几米重复出现，立即停车并通知挡车工："
                "原因在织机上，而不在布上。",
            ],
        ),
        safety(
            "ait-2-safety",
            "相机照明",
            "<p>验布照明非常刺眼。不要直视灯条；只能在生产线停止时清洁护罩玻璃。</p>",
        ),
    ),
    lesson(
        "基于传感器数据的织机预测性维护",
        "生产线数据",
        text(
            "ait-3-a",
            "<p>织机在坏掉之前很久，就会告诉你它在磨损。主轴和筘座上的振动"
            "传感器、主电机上的温度传感器，再加上停台计数，合在一起就能看出趋势。"
            "模型把每台织机既和它自己的正常状态比，也和同型号的其他织机比。</p>"
            "<h3>常见预警</h3><ul>"
            "<li><b>某一频率的振动持续上升：</b>轴承或齿轮在磨损。</li>"
            "<li><b>电机温度缓慢升高：</b>润滑不良或传动过载。</li>"
            "<li><b>同一批纱，这台织机的纬停明显多于相邻机台：</b>是机械调整"
            "问题，而不是纱线问题。</li></ul>",
        ),
        video(
            "ait-3-video",
            "看懂振动趋势（厂内培训网）",
            "培训师展示了14号织机一周的振动读数。曲线先是平稳，随后三天内上升了"
            "约30%。在下一次计划停机时更换了轴承，旧轴承上可以看到点蚀。",
        ),
        quiz(
            "ait-3-quiz",
            "看懂信号",
            [
                question(
                    "ait-3-q1",
                    "使用同一批纱线时，一台织机的纬停次数是相邻机台的两倍。"
                    "你首先检查什么？",
                    "相邻机台用同样的纱线运转正常，所以差别出在这台织机上。",
                    ["这台织机的机械调整", "这批纱线", "相机照明"],
                ),
                question(
                    "ait-3-q2",
                    "某织机正常振动值为 2.0 mm/s，报警值设为比正常值高 50%。"
                    "读数达到多少时报警？",
                    "2.0 × 1.5 = 3.0 mm/s。",
                ),
            ],
        ),
    ),
    lesson(
        "看懂生产线数据看板",
        "生产线数据",
        text(
            "ait-4-a",
            "<p>生产线看板按设备、按班次显示：<b>效率</b>（运转时间 ÷ 计划时间）、"
            "<b>每十万纬停台次数</b>、<b>每百米疵点数</b>，以及尚未处理的维护"
            "预警。红色不是结论，而是一个需要追问的问题。</p><h3>三个好习惯</h3>"
            "<ol><li>先把设备和它自己上周的情况比，再和别的设备比。</li>"
            "<li>看几个班次的趋势，而不是某一个糟糕的小时。</li>"
            "<li>把你做过的调整记下来，让下一班能看出是否有效。</li></ol>",
        ),
        quiz(
            "ait-4-quiz",
            "看板自测",
            [
                question(
                    "ait-4-q1",
                    "一台织机计划运转 480 分钟，实际运转 432 分钟。它的效率是"
                    "百分之多少？",
                    "432 ÷ 480 = 0.9，即 90%。",
                ),
                question(
                    "ait-4-q2",
                    "设备在看板上变红时，哪些是好的做法？",
                    "清零只会掩盖问题；看趋势、做记录才能帮助找到问题。",
                    [
                        "和它自己近期的趋势作比较",
                        "记下你做过的调整",
                        "把计数器清零，让红色消失",
                    ],
                ),
            ],
        ),
    ),
    lesson(
        "在自动化生产线旁安全作业",
        "安全",
        safety(
            "ait-5-lockout",
            "自动重启",
            "<p>传感器恢复后，自动化生产线可能在没有任何提示的情况下启动。"
            "<b>绝不</b>把手伸进仅仅是停止状态的设备：必须先上锁挂牌。</p>",
            "穿紧身工作服，长发盘起，穿安全鞋，在织造车间佩戴护耳器",
        ),
        procedure(
            "ait-5-proc",
            "清理堵塞前先上锁挂牌",
            [
                "按停止按钮停机，并告知相邻岗位的同事。",
                "断开总隔离开关，挂上你自己的挂锁。",
                "试按启动按钮：设备必须没有任何动作。",
                "清理堵塞；手要远离切刀和筘座。",
                "先取走工具，再取下你的挂锁，然后重新启动。",
            ],
        ),
        text(
            "ait-5-a",
            "<p>自动导引车（AGV）在车间之间运送织轴和布卷。只在划定的通道内"
            "行走；AGV 看到人会停车，但手推车上的织轴可能把你挡住。</p>",
        ),
    ),
    lesson(
        "结业测验",
        "考核",
        quiz(
            "ait-final",
            "结业测验：人工智能+纺织",
            [
                question(
                    "ait-f-q1",
                    "视觉检测系统的漏检，大多数是由……造成的",
                    "如果疵点在图像里看不出来，任何模型都找不到它。",
                    ["照明", "挡车工", "纱线支数"],
                ),
                question(
                    "ait-f-q2",
                    "自动化生产线停下来之后，就可以安全地把手伸进去。",
                    "传感器恢复时它可能重新启动：必须先上锁挂牌。",
                ),
                question(
                    "ait-f-q3",
                    "织机预测性维护使用哪些信号？",
                    "振动、温度和停台次数结合起来，才能看出磨损。",
                    ["主轴振动", "电机温度", "停台次数", "布的颜色"],
                ),
                question(
                    "ait-f-q4",
                    "一卷 120 米的布有 3 处疵点。每百米有多少处疵点？",
                    "3 ÷ 120 × 100 = 2.5。",
                    unit="处/百米",
                ),
            ],
        ),
    ),
    lesson(
        "实操任务：在你的生产线上确认报警",
        "考核",
        practical(
            "ait-practical",
            "确认五次视觉报警并清洁一块相机护罩",
            "<p>在一个班次内，经班组长同意：</p><ol>"
            "<li>在验布架旁确认或否定视觉系统的五次报警；给布面上的每一处"
            "拍照。</li>"
            "<li>在生产线上锁挂牌后，清洁相机护罩玻璃，并拍下清洁前后的照片。"
            "</li></ol><p>写明哪些报警是真实的，以及你做了哪些调整。</p>",
        ),
    ),
]


# --- 焊接机器人操作 ---------------------------------------------------------------

WELDING_ROBOT = [
    lesson(
        "焊接工作站及其安全区域",
        "",
        text(
            "wr-1-a",
            "<p>机器人焊接工作站由机器人手臂、焊接电源和送丝机、用来翻转工件的"
            "变位机，以及带联锁门和安全光幕的围栏组成。自动模式下，工作站内"
            "不得有人。</p>",
        ),
        safety(
            "wr-1-safety",
            "弧光与机器人运动",
            "<p>只有在示教模式下、手握使能开关并处于降速状态时才能进入工作站。"
            "弧光会灼伤眼睛和皮肤：请使用遮光屏。</p>",
            "遮光号合适的焊接面罩或护目镜、焊工手套、阻燃工作服",
        ),
        quiz(
            "wr-1-quiz",
            "工作站安全",
            [
                question(
                    "wr-1-q1",
                    "只要动作快，自动模式下也可以进入工作站。",
                    "只能在示教模式下，手握使能开关并降速进入。",
                ),
                question(
                    "wr-1-q2",
                    "有人打开工作站门时，是什么让机器人停下来？",
                    "联锁门和安全光幕会让工作站停止运行。",
                    ["门联锁装置", "送丝机", "变位机"],
                ),
            ],
        ),
    ),
    lesson(
        "焊接轨迹示教",
        "",
        procedure(
            "wr-2-proc",
            "示教支架上的一条角焊缝",
            [
                "选择示教模式和降速，按住使能开关。",
                "把焊枪移到起弧点上方 50 mm 的接近点。",
                "焊枪与两块板的夹角均设为 45°，推进角为 10–15°。",
                "记录焊缝的起点，再记录终点。",
                "按照焊接工艺规程设定电流、电压和焊接速度。",
                "不起弧运行轨迹（空运行），观察焊丝尖端。",
            ],
        ),
        quiz(
            "wr-2-quiz",
            "焊接轨迹",
            [
                question(
                    "wr-2-q1",
                    "两块板成 90° 的角焊缝，工作角应设为多少度？",
                    "取 90° 接头的一半：与每块板各成 45°。",
                ),
                question(
                    "wr-2-q2",
                    "为什么要先不起弧运行程序？",
                    "空运行能在焊接之前发现碰撞和示教点错误。",
                    ["安全地检查轨迹和间隙", "预热焊丝", "节省保护气"],
                ),
            ],
        ),
    ),
    lesson(
        "查找气孔产生的原因",
        "",
        text(
            "wr-3-a",
            "<p>机器人焊缝中的气孔，通常出在气体保护上：保护气流量过小或过大、"
            "风扇吹来的穿堂风、喷嘴里的飞溅物，或者工件上的油污。按这个顺序"
            "检查，比改焊接参数快得多。</p>",
        ),
        quiz(
            "wr-3-quiz",
            "气孔",
            [
                question(
                    "wr-3-q1",
                    "哪些情况会造成气孔？",
                    "这三种情况都会扰乱或污染气体保护。",
                    [
                        "保护气喷嘴里有飞溅物",
                        "风扇横吹工作站",
                        "工件上有油污",
                        "保护气流量正确",
                    ],
                )
            ],
        ),
    ),
]


# --- 阀体孔系数控精密加工 ---------------------------------------------------------

CNC_VALVE = [
    lesson(
        "识读阀体图样",
        "",
        text(
            "cnc-1-a",
            "<p>阀体上有相互交叉的孔，孔的位置度和同轴度决定阀门能否密封。"
            "在动机床之前，先在图样上标出基准孔、公差最严的尺寸，以及在工件内部"
            "相交的孔。</p>",
        ),
        quiz(
            "cnc-1-quiz",
            "识图",
            [
                question(
                    "cnc-1-q1",
                    "在阀体图样上，首先要标出什么？",
                    "每个孔的位置都是从基准量起的。",
                    ["基准", "外表面的表面粗糙度", "零件号"],
                )
            ],
        ),
    ),
    lesson(
        "韩利萍复杂孔系加工法",
        "",
        text(
            "cnc-2-a",
            "<p>韩利萍是加工中心操作工、全国劳动模范，她加工的发射平台阀体上，"
            "孔与孔以各种特殊角度相交。她的方法是：同一孔系尽可能一次装夹完成"
            "全部孔的加工；先加工并测量一个基准孔；每个深孔都先用短而刚性好的"
            "引导钻起钻。</p>",
        ),
        procedure(
            "cnc-2-proc",
            "加工一对交叉孔",
            [
                "以基准面装夹；把基准孔找正到 0.005 mm 以内。",
                "用短钻头对两个孔点窝并钻引导孔。",
                "把主孔钻到深度；从主孔一侧去除交叉处的毛刺。",
                "侧孔只钻到交叉处，最后 2 mm 进给量减半，避免产生毛刺。",
                "在同一次装夹中铰削两个孔；松开工件前先测量。",
            ],
        ),
        quiz(
            "cnc-2-quiz",
            "孔系加工",
            [
                question(
                    "cnc-2-q1",
                    "你的进给量是 0.12 mm/r。钻入交叉处的最后 2 mm 用多大的进给量？",
                    "进给量减半：0.06 mm/r。",
                    unit="mm/r",
                ),
                question(
                    "cnc-2-q2",
                    "钻孔和铰孔之间松开工件也没关系，只要重新找正就行。",
                    "每重新装夹一次都会增加位置误差；要在同一次装夹中完成铰孔。",
                ),
            ],
        ),
    ),
]

LESSONS = {
    "ai-textile": AI_TEXTILE,
    "welding-robot-operation": WELDING_ROBOT,
    "cnc-valve-body-hole-systems": CNC_VALVE,
}


# --- applying the words to a copied body -----------------------------------------


def translate_body(raw: list[dict], words: dict[str, dict]) -> list[dict]:
    """The lesson body (raw StreamField data) with its words replaced by those in
    ``words`` (by block id); ids, answers and settings stay as they are."""
    result = []
    for block in raw:
        block = {**block, "value": _translated(block, words.get(block["id"]))}
        result.append(block)
    return result


def _translated(block: dict, words: dict | None):
    value = block["value"]
    if words is None:
        return value
    kind = block["type"]
    if kind == "text":
        return words["text"]
    value = dict(value)
    if kind == "procedure":
        value["title"] = words["title"]
        value["steps"] = [
            {**step, "value": {**step["value"], "text": f"<p>{text}</p>"}}
            for step, text in zip(value["steps"], words["steps"], strict=True)
        ]
        return value
    if kind == "quiz":
        value["title"] = words["title"]
        value["questions"] = [
            {**q, "value": _question(q["value"], words["questions"][q["id"]])}
            for q in value["questions"]
        ]
        return value
    value.update(words)
    return value


def _question(value: dict, words: dict) -> dict:
    value = {**value, "prompt": words["prompt"], "explanation": words["explanation"]}
    if "unit" in words:
        value["unit"] = words["unit"]
    if "options" in words:
        value["options"] = [
            {**option, "value": {**option["value"], "text": text}}
            for option, text in zip(value["options"], words["options"], strict=True)
        ]
    return value

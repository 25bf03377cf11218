"""A small bilingual site for the search corpus, mirroring the demo's courses, lessons,
role models, studios, the alliance and stories (``courses/demo_content_zh.py``,
``home/demo_content.py``), built with factories. ``build`` returns the pages by the
keys ``search_corpus.json`` names."""

# ruff: noqa: E501

from __future__ import annotations

import json

from wagtail.search import index

from courses.services.catalogue import catalogue_ensure
from home.models import StudioDisciplineGroup
from tests.courses import factories as course_f
from tests.home.factories import (
    AlliancePageFactory,
    CraftsmanProfilePageFactory,
    InnovationStudioPageFactory,
    StoryPageFactory,
    StudioAchievementFactory,
)


def paragraphs(*texts: str) -> str:
    return json.dumps([{"type": "paragraph", "value": f"<p>{t}</p>"} for t in texts])


COURSES = {
    "zh": {
        "course-ai": (
            "人工智能+纺织：智能纺纱与织造",
            "人工智能（AI）怎样帮助纺纱工、织布工和纺织机械操作工：机器视觉验布、织机预测性维护、看懂生产线数据看板，以及在自动化生产线旁安全作业。",
            "<ul><li>说清楚车间里的人工智能系统做什么</li><li>对布面疵点报警作出确认或否定</li><li>清理堵塞前先对自动化设备上锁挂牌</li></ul>",
        ),
        "course-welding": (
            "焊接机器人操作",
            "安全地操作弧焊机器人工作站并进行示教：工作站及其安全区域、焊接轨迹示教、气孔成因排查。由全国劳动模范、国家级技能大师易冉主讲。",
            "<ul><li>在示教模式下安全进入机器人工作站作业</li><li>查明气孔产生的原因</li></ul>",
        ),
        "course-cnc": (
            "阀体孔系数控精密加工",
            "韩利萍加工航天发射装备阀体复杂交叉孔系的操作法：读懂图样、一次装夹、先钻引导孔、交叉处不留毛刺。",
            "<ul><li>在图样上找出基准和关键孔</li><li>加工一对交叉孔且交叉处无毛刺</li></ul>",
        ),
    },
    "en": {
        "course-ai": (
            "AI + Textile: smart spinning and weaving",
            "How artificial intelligence helps spinners, weavers and textile machinery operators: machine-vision fabric inspection and predictive loom maintenance.",
            "<ul><li>Confirm or reject a fabric-defect alarm</li></ul>",
        ),
        "course-welding": (
            "Welding robot operation",
            "Operate and teach an arc-welding robot cell safely, taught by national model worker Yi Ran.",
            "<ul><li>Teach and dry-run a fillet weld</li></ul>",
        ),
        "course-cnc": (
            "CNC precision machining of valve-body hole systems",
            "Han Liping's operation method for complex intersecting holes in launch-platform valve bodies.",
            "<ul><li>Machine a pair of intersecting holes without a burr</li></ul>",
        ),
    },
}

# key: (course, title, text of the lesson body)
LESSONS = {
    "zh": {
        "lesson-ai-intro": (
            "course-ai",
            "人工智能在纺纱和织造车间里做什么",
            "车间里的人工智能不是替代挡车工的机器人，而是一套软件：它能同时盯住比人多得多的信号——每个锭子上的纱线张力、每台织机的声音、每一米布的图像。细纱机断头检测，系统直接把挡车工引到断头的锭子。",
        ),
        "lesson-vision": (
            "course-ai",
            "机器视觉布面疵点检测",
            "视觉检测系统由三部分组成：让疵点显现出来的照明、覆盖整个幅宽的线阵相机，以及对每一块布面进行分类的模型。大多数漏检是照明问题，而不是模型问题。破洞和割伤、断经和缺纬、粗节和竹节、油污和污渍。",
        ),
        "lesson-loom-maintenance": (
            "course-ai",
            "基于传感器数据的织机预测性维护",
            "织机在坏掉之前很久，就会告诉你它在磨损。主轴和筘座上的振动传感器、主电机上的温度传感器，再加上停台计数，合在一起就能看出趋势。某一频率的振动持续上升：轴承或齿轮在磨损。",
        ),
        "lesson-dashboard": (
            "course-ai",
            "看懂生产线数据看板",
            "生产线看板按设备、按班次显示：效率（运转时间 ÷ 计划时间）、每十万纬停台次数、每百米疵点数，以及尚未处理的维护预警。红色不是结论，而是一个需要追问的问题。",
        ),
        "lesson-line-safety": (
            "course-ai",
            "在自动化生产线旁安全作业",
            "传感器恢复后，自动化生产线可能在没有任何提示的情况下启动。绝不把手伸进仅仅是停止状态的设备：必须先上锁挂牌。自动导引车（AGV）在车间之间运送织轴和布卷。只在划定的通道内行走。",
        ),
        "lesson-workcell": (
            "course-welding",
            "焊接工作站及其安全区域",
            "机器人焊接工作站由机器人手臂、焊接电源和送丝机、用来翻转工件的变位机，以及带联锁门和安全光幕的围栏组成。自动模式下，工作站内不得有人。弧光会灼伤眼睛和皮肤：请使用遮光屏。",
        ),
        "lesson-path": (
            "course-welding",
            "焊接轨迹示教",
            "选择示教模式和降速，按住使能开关。把焊枪移到起弧点上方 50 mm 的接近点。记录焊缝的起点，再记录终点。按照焊接工艺规程设定电流、电压和焊接速度。",
        ),
        "lesson-porosity": (
            "course-welding",
            "查找气孔产生的原因",
            "机器人焊缝中的气孔，通常出在气体保护上：保护气流量过小或过大、风扇吹来的穿堂风、喷嘴里的飞溅物，或者工件上的油污。",
        ),
        "lesson-drawing": (
            "course-cnc",
            "识读阀体图样",
            "阀体上有相互交叉的孔，孔的位置度和同轴度决定阀门能否密封。在动机床之前，先在图样上标出基准孔、公差最严的尺寸，以及在工件内部相交的孔。",
        ),
        "lesson-han-method": (
            "course-cnc",
            "韩利萍复杂孔系加工法",
            "韩利萍是加工中心操作工、全国劳动模范。她的方法是：同一孔系尽可能一次装夹完成全部孔的加工；每个深孔都先用短而刚性好的引导钻起钻。侧孔只钻到交叉处，最后 2 mm 进给量减半，避免产生毛刺。",
        ),
    },
    "en": {
        "lesson-loom-maintenance": (
            "course-ai",
            "Predictive loom maintenance from sensor data",
            "A loom tells you it is wearing long before it breaks: vibration sensors on the main shaft and sley, a temperature sensor on the main motor.",
        ),
        "lesson-porosity": (
            "course-welding",
            "Finding the cause of porosity",
            "Porosity in robot welds usually comes from the gas shield: too little or too much shielding gas, a draught from a fan.",
        ),
    },
}

PROFILES = {
    "zh": {
        "profile-han": dict(
            title="韩利萍",
            summary="加工中心操作工，为近200次航天发射加工发射平台关键零件。",
            employer="山西某航天装备制造企业",
            region="山西",
            biography=paragraphs(
                "54岁的韩利萍是山西一家航天装备制造企业的加工中心操作工。三十多年来，她一直坚守在我国航天事业的生产一线——她加工的不是火箭本身，而是托举火箭的发射平台。",
                "长征七号发射平台上，一种复杂阀体的孔系公差带极窄。韩利萍创新了复杂阀体孔系的操作方法，使关键零件一次交检合格率达到100%。",
            ),
        ),
        "profile-yi": dict(
            title="易冉",
            summary="湖南株洲焊工，株洲首位女性全国技能大师，在工位旁带徒传艺。",
            region="湖南 · 株洲",
            biography=paragraphs(
                "易冉是湖南株洲的知名焊工，全国劳动模范。7月24日，她在陕西西安一家汽车产业园与青年焊工李俊乐签订师带徒协议。",
                "师徒协议确定了三个目标：先帮徒弟解决生产中遇到的难题，再教他操作焊接机器人，最后帮他规划职业发展道路。",
            ),
        ),
        "profile-zhang": dict(
            title="张兆宏",
            summary="福建泉州一家石化企业的全国劳模创新工作室带头人，工作室覆盖全部设备专业。",
            employer="泉州市泉港区某石化企业",
            region="福建 · 泉州",
            biography=paragraphs(
                "工作室采用“1+N”建设模式，设立转动设备、静设备、电气、仪表四个专业组，建成“五位一体”多专业综合实训中心和创新平台。"
            ),
        ),
    },
    "en": {
        "profile-han": dict(
            title="Han Liping",
            summary="CNC machining-centre operator who has machined launch-platform parts for nearly 200 Chinese space launches.",
            region="Shanxi",
            biography=paragraphs(
                "Han Liping operates a computer numerical control machining centre at an aerospace equipment manufacturer in Shanxi province."
            ),
        ),
    },
}

STUDIOS = {
    "studio-han": dict(
        title="韩利萍技能大师工作室",
        summary="国家级技能大师工作室，专攻航天科研生产中的瓶颈问题。",
        region="山西",
        body=paragraphs(
            "工作室由韩利萍领衔，聚焦发射平台制造中的科研生产瓶颈问题。成员们不断学习，适应智能制造的要求。"
        ),
    ),
    "studio-zhang": dict(
        title="张兆宏劳模创新工作室",
        summary="采用“1+N”模式建设的全国示范性工作室，四个专业组覆盖全部设备专业。",
        region="福建 · 泉州",
        enterprise_name="泉州市泉港区某石化企业",
        body=paragraphs(
            "2020年，工作室被命名为全国示范性劳模和工匠人才创新工作室，并成为闽西南劳模联盟石化领域劳模集群的牵头单位。"
        ),
    ),
    "studio-no7": dict(
        title="第七棉纺厂纺纱创新工作室",
        summary="由纺纱工和设备保全工组成的企业级工作室，开展“五小”创新（演示工作室）。",
        region="陕西 · 咸阳",
        body=paragraphs(
            "平台的演示工作室：纺纱工和纺织设备保全工在这里记录工艺改进和工具发明，并与纺织行业联盟共享。"
        ),
    ),
}

STORIES = {
    "zh": {
        "story-female": dict(
            title="女劳模女工匠把工匠精神送进企业",
            author="中国日报",
            summary="全国总工会表彰女性榜样并组织她们助企服务：韩利萍的发射平台匠心，易冉在西安收下新徒弟。",
            body=paragraphs(
                "山西的加工中心操作工韩利萍，通过加工发射平台零件为近200次航天发射作出贡献。",
                "7月24日，在西安一家汽车产业园，全国劳模易冉与焊工李俊乐签订师带徒协议。另外九位女劳模女工匠分组走进其他企业，就非标件加工、高速卷绕机振动等提供帮助。",
            ),
        ),
        "story-assessed": dict(
            title="全国总工会评估组评估张兆宏劳模创新工作室",
            author="张磊",
            summary="全国总工会评估组从场地利用、成果转化、制度规范等方面进行评估，肯定了工作室的“1+N”模式。",
            body=paragraphs(
                "10月28日，全国总工会全国示范性劳模创新工作室评估组来到公司，对张兆宏劳模创新工作室进行评估。"
            ),
        ),
        "story-alliance": dict(
            title="纺织行业成立全国劳模和工匠人才创新工作室联盟",
            summary="首批40家成员单位，发布50项创新成果和“人工智能+纺织”系列课程。",
            body=paragraphs(
                "10月31日，中国财贸轻纺烟草工会在苏州盛泽举办纺织行业职工“五小”创新创造示范交流活动。"
            ),
        ),
        "story-shaanxi": dict(
            title="陕西启动劳模助力发展新质生产力行动",
            author="工人日报",
            summary="组建劳模服务队、创建一批创新工作室，到2026年底一线劳模工匠创新工作室创建率达到80%左右。",
            body=paragraphs("全省将广泛组建劳模服务队，为企业送技术、送培训、送服务。"),
        ),
        "story-conference": dict(
            title="第二届大国工匠创新交流大会在京举行",
            author="光明网",
            summary="展出1200余项创新成果、500余名劳模工匠，设现场演示和工匠路演。",
            body=paragraphs(
                "“工匠路演”环节中，15名工匠现场讲解创新成果，专家评委现场打分并评出奖项。"
            ),
        ),
    },
    "en": {
        "story-alliance": dict(
            title="Textile industry founds a national alliance of innovation studios",
            summary="40 member units, 50 innovation achievements released and new “AI + Textile” courses for textile workers.",
            body=paragraphs(
                "The China Finance, Trade, Light Industry, Textile and Tobacco Workers' Union held an exchange in Shengze, Suzhou."
            ),
        ),
    },
}

ALLIANCE = dict(
    title="全国纺织行业劳模和工匠人才创新工作室联盟",
    summary="在苏州盛泽成立，首批40家成员单位覆盖纺织产业链上下游。",
    organiser="中国财贸轻纺烟草工会",
    body=paragraphs(
        "活动发布了50项纺织行业职工创新成果——涵盖工艺改进、操作法创新、生产工具发明等——以及“人工智能+纺织”系列学习课程。"
    ),
)


def build(*, home, profile_index, story_index, studio_index) -> dict:
    """Every page of the corpus, as ``{"zh": {key: page}, "en": {key: page}}``."""
    pages: dict[str, dict] = {"zh": {}, "en": {}}
    for lang in ("zh", "en"):
        catalogue = catalogue_ensure(
            parent=home[lang],
            title="课程" if lang == "zh" else "Courses",
            slug="courses",
        )
        for key, (title, summary, outcomes) in COURSES[lang].items():
            pages[lang][key] = course_f.course(
                index=catalogue,
                title=title,
                summary=summary,
                learning_outcomes=outcomes,
            )
        for key, (course, title, text) in LESSONS[lang].items():
            pages[lang][key] = course_f.lesson(
                course=pages[lang][course],
                title=title,
                body=[course_f.text_block(f"<p>{text}</p>", block_id=key)],
            )
        for key, fields in PROFILES[lang].items():
            pages[lang][key] = CraftsmanProfilePageFactory(
                parent=profile_index[lang], **fields
            )
        for key, fields in STORIES[lang].items():
            pages[lang][key] = StoryPageFactory(parent=story_index[lang], **fields)
    zh = pages["zh"]
    for key, fields in STUDIOS.items():
        zh[key] = InnovationStudioPageFactory(parent=studio_index["zh"], **fields)
    for name in ("转动设备", "静设备", "电气", "仪表"):
        StudioDisciplineGroup.objects.create(page=zh["studio-zhang"], name=name)
    StudioAchievementFactory(page=zh["studio-no7"], title="缩短细纱断头处理时间")
    StudioAchievementFactory(page=zh["studio-no7"], title="牵伸罗拉快换工装")
    for key in ("studio-zhang", "studio-no7"):
        index.insert_or_update_object(zh[key])  # with its groups and achievements
    zh["alliance"] = AlliancePageFactory(parent=studio_index["zh"], **ALLIANCE)
    return pages

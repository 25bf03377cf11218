"""The words of the demo pages, in English and Simplified Chinese, drawn from the news
stories in the project's seed material. ``home.demo`` turns them into pages."""

# ruff: noqa: E501

import datetime


def p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def quote(text: str, by: str) -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": by}}


def figures(*pairs: tuple[str, str]) -> dict:
    return {
        "type": "figures",
        "value": {"figures": [{"value": v, "label": label} for v, label in pairs]},
    }


def heading(text: str) -> dict:
    return {"type": "heading", "value": text}


SECTIONS = {
    "role-models": {
        "en": {
            "title": "Role models",
            "intro": "National model workers, great country craftsmen and women's pacesetters who teach what they know at the workstation.",
        },
        "zh": {
            "title": "劳模工匠",
            "intro": "全国劳动模范、大国工匠和巾帼建功标兵，在工位旁把手艺传给年轻人。",
        },
    },
    "stories": {
        "en": {
            "title": "Stories",
            "intro": "News and features about model workers, craftsmen, their studios and the unions that bring them to enterprises.",
        },
        "zh": {
            "title": "新闻故事",
            "intro": "劳模工匠、创新工作室以及工会组织他们服务企业的新闻与特写。",
        },
    },
    "studios": {
        "en": {
            "title": "Innovation studios",
            "intro": "Model worker and craftsman innovation studios: teams that tackle production bottlenecks, train experts and share results through alliances.",
        },
        "zh": {
            "title": "创新工作室",
            "intro": "劳模和工匠人才创新工作室：攻克生产瓶颈、培养技术能手，并通过联盟共享成果。",
        },
    },
}

# slug: demo user key, occupation code, and the page in both languages.
PROFILES = {
    "han-liping": {
        "user": "mentor2",
        "occupation": "6-18-01-07",
        "in_trade_since": 1992,
        "portrait": ("portrait", 1),
        "honours": [("national_model_worker", None)],
        "en": {
            "title": "Han Liping",
            "summary": "CNC machining-centre operator who has machined launch-platform parts for nearly 200 Chinese space launches.",
            "employer": "Shanxi aerospace equipment manufacturer",
            "region": "Shanxi",
            "honour_titles": ["National model worker"],
            "biography": [
                *p(
                    "Han Liping, 54, operates a computer numerical control machining centre at an aerospace equipment manufacturer in Shanxi province. For more than three decades she has worked on the front line of China's space industry — not on the rockets themselves, but on what supports them: the launch platform.",
                    "She machines key parts of launch platforms, running several digital control systems and programs so that every component meets the exacting standards a successful launch requires. Her work has contributed to nearly 200 launches.",
                ),
                heading("Solving the valve-body hole problem"),
                *p(
                    "On the Long March 7 launch platform, the holes of a complex valve body had extremely narrow tolerances and almost no room for error. Han devised a new operation method for such hole systems; the key components controlling the levelling precision of the support arm now pass first time, every time — a 100 percent first-pass qualification rate.",
                ),
                heading("Passing it on"),
                *p(
                    "Han leads the national-level Han Liping Skills Master Studio, whose team takes on bottlenecks in research and production. She shares her knowledge and techniques with team members and young colleagues; in part thanks to her mentoring, her company has produced 29 national technical experts.",
                ),
            ],
            "quotes": [
                quote(
                    "I'm just a cog in the machine on the production line, doing my everyday job. But it makes me incredibly proud to add my little piece to the success of our country's space industry.",
                    "Han Liping",
                ),
                quote(
                    "The accumulation of production experience and the maturation of skills must be continuously validated through practical application — there are no shortcuts or detours, only steady progress with each step.",
                    "Han Liping",
                ),
                quote(
                    "A truly competitive industry needs both the brains behind core technologies and the skilled hands that bring them to life on the factory floor.",
                    "Han Liping",
                ),
            ],
            "achievements": [
                (
                    "Operation method for complex valve-body hole systems",
                    None,
                    "Solved a critical machining challenge on the Long March 7 launch platform: a 100 percent first-pass qualification rate for the parts that control the levelling precision of the support arm.",
                    0,
                    None,
                ),
            ],
        },
        "zh": {
            "title": "韩利萍",
            "summary": "加工中心操作工，为近200次航天发射加工发射平台关键零件。",
            "employer": "山西某航天装备制造企业",
            "region": "山西",
            "honour_titles": ["全国劳动模范"],
            "biography": [
                *p(
                    "54岁的韩利萍是山西一家航天装备制造企业的加工中心操作工。三十多年来，她一直坚守在我国航天事业的生产一线——她加工的不是火箭本身，而是托举火箭的发射平台。",
                    "她负责发射平台关键零件的精密加工，熟练操作多种数控系统和软件，确保每一个零件都达到发射任务的严苛标准。她的工作为近200次航天发射作出了贡献。",
                ),
                heading("攻克阀体孔系难题"),
                *p(
                    "长征七号发射平台上，一种复杂阀体的孔系公差带极窄、冗余空间极小。韩利萍创新了复杂阀体孔系的操作方法，使控制支撑臂调平精度的关键零件一次交检合格率达到100%，保障了新一代运载火箭精准入轨。",
                ),
                heading("薪火相传"),
                *p(
                    "她领衔的国家级“韩利萍技能大师工作室”专攻科研生产中的瓶颈问题。她把知识、技能和绝活毫无保留地传授给团队成员和年轻同事；在她的带动下，公司已培养出29名全国技术能手。",
                ),
            ],
            "quotes": [
                quote(
                    "我只是生产线上的一颗螺丝钉，做好自己的本职工作。但能为祖国航天事业的成功贡献一点力量，我感到无比自豪。",
                    "韩利萍",
                ),
                quote(
                    "生产经验的积累、技能的成熟，都要在实践中不断检验——没有捷径，也没有弯路，只有一步一个脚印。",
                    "韩利萍",
                ),
                quote(
                    "一个真正有竞争力的产业，既需要掌握核心技术的“大脑”，也需要在车间把技术变成现实的“巧手”。",
                    "韩利萍",
                ),
            ],
            "achievements": [
                (
                    "复杂阀体孔系操作法",
                    None,
                    "解决长征七号发射平台关键加工难题，控制支撑臂调平精度的关键零件一次交检合格率达到100%。",
                    0,
                    None,
                ),
            ],
        },
    },
    "yi-ran": {
        "user": "mentor",
        "occupation": "6-18-02-04",
        "in_trade_since": None,
        "portrait": ("portrait", 0),
        "honours": [("national_model_worker", None), ("master_craftsman", None)],
        "en": {
            "title": "Yi Ran",
            "summary": "Welder from Zhuzhou, Hunan, the city's first national master craftswoman, who mentors young welders at the workstation.",
            "employer": "",
            "region": "Hunan · Zhuzhou",
            "honour_titles": [
                "National model worker",
                "First national master craftswoman from Zhuzhou",
            ],
            "biography": [
                *p(
                    "Yi Ran is a renowned welder from Zhuzhou in Hunan province, a national model worker and the first national master craftswoman from her city.",
                    "On the morning of 24 July, during a union tour of female model workers and craftswomen assisting enterprises, she signed a mentorship agreement with the young welder Li Junle at an automobile industrial park in Xi'an, Shaanxi province, and then went with him to his workstation to guide him hands-on.",
                    "Their agreement has three goals: first solve the production problems Li meets, then learn to operate welding robots, and finally plan his career path.",
                ),
            ],
            "quotes": [
                quote(
                    "I plan to first help Li solve some production problems, then teach him skills like operating welding robots, and also help him plan his career path.",
                    "Yi Ran",
                ),
            ],
            "achievements": [],
        },
        "zh": {
            "title": "易冉",
            "summary": "湖南株洲焊工，株洲首位女性全国技能大师，在工位旁带徒传艺。",
            "employer": "",
            "region": "湖南 · 株洲",
            "honour_titles": ["全国劳动模范", "株洲首位女性全国技能大师"],
            "biography": [
                *p(
                    "易冉是湖南株洲的知名焊工，全国劳动模范，也是株洲首位获评国家级技能大师称号的女性。",
                    "7月24日上午，在全国总工会组织的女劳模女工匠助企行活动中，她在陕西西安一家汽车产业园与青年焊工李俊乐签订师带徒协议，随后来到李俊乐的工位，手把手进行现场指导。",
                    "师徒协议确定了三个目标：先帮徒弟解决生产中遇到的难题，再教他操作焊接机器人，最后帮他规划职业发展道路。",
                ),
            ],
            "quotes": [
                quote(
                    "我打算先帮小李解决一些生产上的问题，再教他操作焊接机器人等技能，同时帮他规划好职业发展道路。",
                    "易冉",
                ),
            ],
            "achievements": [],
        },
    },
    "zhang-zhaohong": {
        "user": "zhang_zhaohong",
        "occupation": "6-31-01-02",
        "in_trade_since": None,
        "portrait": ("portrait", 2),
        "honours": [("other", None)],
        "en": {
            "title": "Zhang Zhaohong",
            "summary": "Leads a national model worker innovation studio at a petrochemical company in Quanzhou, Fujian, covering every equipment discipline.",
            "employer": "Petrochemical company in Quangang District, Quanzhou",
            "region": "Fujian · Quanzhou",
            "honour_titles": ["Model worker"],
            "biography": [
                *p(
                    "Zhang Zhaohong leads the Zhang Zhaohong Model Worker Innovation Studio, recognised in 2020 as a National Model Worker and Craftsman Talent Innovation Studio.",
                    "Under a “1 + N” mode the studio set up four discipline groups — rotating equipment, static equipment, electrical and instrument — and built a “five in one” training centre and innovation platform for employee training, skills competitions, skills appraisal, innovation and profit creation, and joint building and sharing.",
                ),
            ],
            "quotes": [],
            "achievements": [],
        },
        "zh": {
            "title": "张兆宏",
            "summary": "福建泉州一家石化企业的全国劳模创新工作室带头人，工作室覆盖全部设备专业。",
            "employer": "泉州市泉港区某石化企业",
            "region": "福建 · 泉州",
            "honour_titles": ["劳动模范"],
            "biography": [
                *p(
                    "张兆宏是张兆宏劳模创新工作室的带头人。2020年，工作室被命名为全国示范性劳模和工匠人才创新工作室。",
                    "工作室采用“1+N”建设模式，设立转动设备、静设备、电气、仪表四个专业组，建成集员工培训、技能竞赛、技能鉴定、创新创效、共建共享于一体的“五位一体”多专业综合实训中心和创新平台。",
                ),
            ],
            "quotes": [],
            "achievements": [],
        },
    },
}

# slug: facts shared by both languages, and the words in each.
STUDIOS = {
    "han-liping-skills-master-studio": {
        "level": "national",
        "recognised_in": None,
        "lead": "han-liping",
        "enterprise": "aerospace",
        "industry": "aerospace",
        "experts_trained": 29,
        "image": ("valve_body", 4),
        "members": [("han-liping", None)],
        "groups": [],
        # kind, year, projects, benefit, patents
        "achievements": [
            ("method", None, 1, None, 0),
            ("process", 2025, 300, 30_000_000, 13),
        ],
        "assessments": [],
        "en": {
            "title": "Han Liping Skills Master Studio",
            "summary": "A national-level skills master studio that tackles bottlenecks in aerospace research and production.",
            "region": "Shanxi",
            "body": p(
                "Led by Han Liping, the studio focuses on the bottleneck problems of scientific research and production in launch-platform manufacturing. Its members keep learning to meet the demands of intelligent manufacturing, and pass their techniques on to young colleagues.",
            ),
            "member_roles": ["Studio lead"],
            "achievement_titles": [
                (
                    "Operation method for complex valve-body hole systems",
                    "100 percent first-pass qualification for the Long March 7 support-arm levelling parts.",
                ),
                (
                    "Innovation projects completed to date (recorded together)",
                    "More than 300 projects with cumulative benefits exceeding 30 million yuan and 13 patents.",
                ),
            ],
        },
        "zh": {
            "title": "韩利萍技能大师工作室",
            "summary": "国家级技能大师工作室，专攻航天科研生产中的瓶颈问题。",
            "region": "山西",
            "body": p(
                "工作室由韩利萍领衔，聚焦发射平台制造中的科研生产瓶颈问题。成员们不断学习，适应智能制造的要求，并把技艺传授给年轻同事。",
            ),
            "member_roles": ["工作室领衔人"],
            "achievement_titles": [
                (
                    "复杂阀体孔系操作法",
                    "长征七号支撑臂调平关键零件一次交检合格率100%。",
                ),
                (
                    "累计完成的创新项目（合并记录）",
                    "完成创新项目300余项，累计创效超过3000万元，获得专利13项。",
                ),
            ],
        },
    },
    "zhang-zhaohong-innovation-studio": {
        "level": "national",
        "recognised_in": 2020,
        "lead": "zhang-zhaohong",
        "enterprise": None,
        "industry": "petrochemical",
        "experts_trained": None,
        "image": ("pipework", 2),
        "members": [("zhang-zhaohong", None)],
        "groups": 4,
        "achievements": [],
        "assessments": [(datetime.date(2024, 10, 28), "passed")],
        "en": {
            "title": "Zhang Zhaohong Model Worker Innovation Studio",
            "summary": "A national studio built on the “1 + N” mode, with four discipline groups covering every equipment discipline.",
            "region": "Fujian · Quanzhou",
            "enterprise_name": "Petrochemical company in Quangang District, Quanzhou",
            "body": [
                *p(
                    "Adopting the “1 + N” construction mode, the studio set up four discipline groups and achieved full coverage of the equipment disciplines, becoming a base for all-discipline training and profit improvement.",
                    "In 2020 it was named a National Model Worker and Craftsman Talent Innovation Studio and became the leading unit of the petrochemical model-worker cluster in the Southwest Fujian Model Worker Alliance.",
                ),
                figures(("1 + N", "construction mode"), ("4", "discipline groups")),
            ],
            "member_roles": ["Studio lead"],
            "groups": [
                ("Rotating equipment", ""),
                ("Static equipment", ""),
                ("Electrical", ""),
                ("Instrument", ""),
            ],
            "assessments": [
                (
                    "National Model Worker Innovation Studio Assessment Team of the All-China Federation of Trade Unions: Li Shufeng (Hebei Federation of Trade Unions), Ma Xianghao, Chen Bingfeng (Federation of Trade Unions of Guangxi Zhuang Autonomous Region)",
                    "Assessed site utilisation, transformation of innovation results, and procedures and regulations. The team found a good system with clearly defined roles, a high rate of turning results into practice and a strong contribution to quality and profit; it asked the studio to keep improving its system, standardise construction and explore cross-industry integration through innovation alliances.",
                ),
            ],
        },
        "zh": {
            "title": "张兆宏劳模创新工作室",
            "summary": "采用“1+N”模式建设的全国示范性工作室，四个专业组覆盖全部设备专业。",
            "region": "福建 · 泉州",
            "enterprise_name": "泉州市泉港区某石化企业",
            "body": [
                *p(
                    "工作室采用“1+N”建设模式，设立四个专业组，实现设备专业全覆盖，成为全专业培训和提质增效的基地。",
                    "2020年，工作室被命名为全国示范性劳模和工匠人才创新工作室，并成为闽西南劳模联盟石化领域劳模集群的牵头单位。",
                ),
                figures(("1+N", "建设模式"), ("4", "个专业组")),
            ],
            "member_roles": ["工作室带头人"],
            "groups": [
                ("转动设备", ""),
                ("静设备", ""),
                ("电气", ""),
                ("仪表", ""),
            ],
            "assessments": [
                (
                    "全国总工会全国示范性劳模创新工作室评估组：李书峰（河北省总工会）、马向浩、陈秉锋（广西壮族自治区总工会）",
                    "评估组从场地利用、创新成果转化、制度规范三个方面进行评估，认为工作室制度完善、职责清晰，成果转化率高，为企业提质增效作出了重要贡献；希望工作室在完善制度、规范建设、成果转化上持续发力，通过创新联盟探索跨行业、跨专业融合。",
                ),
            ],
        },
    },
    "no7-mill-spinning-innovation-studio": {
        "level": "enterprise",
        "recognised_in": 2023,
        "lead": None,
        "enterprise": "textile",
        "industry": "textile",
        "experts_trained": None,
        "image": ("spinning", 0),
        "members": [],
        "groups": 2,
        "achievements": [
            ("process", 2024, 1, 180_000, 1),
            ("tool", 2025, 1, 65_000, 1),
        ],
        "assessments": [],
        "en": {
            "title": "No. 7 Cotton Mill Spinning Innovation Studio",
            "summary": "An enterprise studio of spinners and machinery fitters working on “Five Minor” innovations (demo studio).",
            "region": "Shaanxi · Xianyang",
            "body": p(
                "A demonstration studio of the platform: spinners and textile machinery fitters of the mill record their process improvements and tool inventions here and share them with the textile-industry alliance.",
            ),
            "member_roles": [],
            "groups": [("Spinning", ""), ("Machinery maintenance", "")],
            "achievement_titles": [
                (
                    "Shorter yarn-breakage handling on ring frames",
                    "A new patrol and piecing routine that cuts downtime per breakage.",
                ),
                (
                    "Quick-change fixture for drafting rollers",
                    "A fixture that halves the time to change drafting rollers.",
                ),
            ],
        },
        "zh": {
            "title": "第七棉纺厂纺纱创新工作室",
            "summary": "由纺纱工和设备保全工组成的企业级工作室，开展“五小”创新（演示工作室）。",
            "region": "陕西 · 咸阳",
            "body": p(
                "平台的演示工作室：纺纱工和纺织设备保全工在这里记录工艺改进和工具发明，并与纺织行业联盟共享。",
            ),
            "member_roles": [],
            "groups": [("纺纱", ""), ("设备保全", "")],
            "achievement_titles": [
                (
                    "缩短细纱断头处理时间",
                    "新的巡回与接头方法，减少每次断头的停机时间。",
                ),
                ("牵伸罗拉快换工装", "使牵伸罗拉更换时间缩短一半的工装。"),
            ],
        },
    },
}

ALLIANCE = {
    "slug": "textile-industry-studio-alliance",
    "founded_on": datetime.date(2025, 10, 31),
    "industry": "textile",
    "image": ("loom", 3),
    "founding_members": 40,
    "achievements_released": 50,
    "studios": ["no7-mill-spinning-innovation-studio"],
    "units": [("textile", "Shaanxi · Xianyang", "陕西 · 咸阳")],
    "en": {
        "title": "National Textile Industry Model Workers and Skilled Craftsmen Innovation Studio Alliance",
        "summary": "Founded in Shengze, Suzhou, with a first batch of 40 member units across the upstream and downstream of the textile industry chain.",
        "organiser": "China Finance, Trade, Light Industry, Textile and Tobacco Workers' Union",
        "body": [
            *p(
                "The alliance was established on 31 October during a demonstration and exchange activity on the “Five Minor” innovations of textile industry workers in Shengze Town, Suzhou, Jiangsu province.",
                "The event released 50 innovation achievements of textile workers — process improvements, operation-method innovations and production-tool inventions — together with “Artificial Intelligence + Textile” learning courses.",
            ),
        ],
    },
    "zh": {
        "title": "全国纺织行业劳模和工匠人才创新工作室联盟",
        "summary": "在苏州盛泽成立，首批40家成员单位覆盖纺织产业链上下游。",
        "organiser": "中国财贸轻纺烟草工会",
        "body": [
            *p(
                "10月31日，在江苏省苏州市盛泽镇举办的纺织行业职工“五小”创新创造示范交流活动中，联盟正式成立。",
                "活动发布了50项纺织行业职工创新成果——涵盖工艺改进、操作法创新、生产工具发明等——以及“人工智能+纺织”系列学习课程。",
            ),
        ],
    },
}

STORIES = {
    "female-role-models-empower-enterprises": {
        "date": datetime.date(2025, 11, 30),
        "image": ("assembly_bench", 1),
        "related": ["han-liping", "yi-ran", "han-liping-skills-master-studio"],
        "en": {
            "title": "Female role models carry the craftsman spirit to enterprises",
            "author": "China Daily",
            "summary": "The ACFTU honours women model workers and sends them to enterprises: Han Liping's launch-platform work, and Yi Ran's new apprentice in Xi'an.",
            "tags": ["Role models", "Mentorship", "Women craftsmen"],
            "body": [
                *p(
                    "The All-China Federation of Trade Unions is not only honouring female role models but also deploying their expertise to enterprises, turning individual ingenuity into a driving force for development.",
                    "Han Liping, a CNC machining-centre operator in Shanxi, has contributed to nearly 200 space launches through the launch-platform parts she machines. Her operation method for complex valve-body hole systems gave the Long March 7 platform a 100 percent first-pass qualification rate for key parts.",
                ),
                quote(
                    "Technology is constantly evolving. As front-line industrial workers, we must also keep learning and improving our skills to meet the demands of our positions.",
                    "Han Liping",
                ),
                heading("A mentorship signed at the workstation"),
                *p(
                    "On 24 July, at an automobile industrial park in Xi'an, national model worker Yi Ran signed a mentorship agreement with welder Li Junle and then guided him at his workstation. Nine other model workers and craftswomen split into groups to help other companies: non-standard parts processing, vibration in high-speed winding machines, and a skill-certification system.",
                    "The union calls the model “enterprises place orders, model workers accept orders, and the union delivers”.",
                ),
            ],
        },
        "zh": {
            "title": "女劳模女工匠把工匠精神送进企业",
            "author": "中国日报",
            "summary": "全国总工会表彰女性榜样并组织她们助企服务：韩利萍的发射平台匠心，易冉在西安收下新徒弟。",
            "tags": ["劳模工匠", "师带徒", "女工匠"],
            "body": [
                *p(
                    "全国总工会不仅表彰女性榜样，更组织她们把专长送到企业，把个人的聪明才智转化为推动发展的力量。",
                    "山西的加工中心操作工韩利萍，通过加工发射平台零件为近200次航天发射作出贡献。她创新的复杂阀体孔系操作法，使长征七号发射平台关键零件一次交检合格率达到100%。",
                ),
                quote(
                    "技术在不断进步。作为一线产业工人，我们也要不断学习、提升技能，才能适应岗位的要求。",
                    "韩利萍",
                ),
                heading("在工位旁签下的师徒协议"),
                *p(
                    "7月24日，在西安一家汽车产业园，全国劳模易冉与焊工李俊乐签订师带徒协议，并到工位进行现场指导。另外九位女劳模女工匠分组走进其他企业，就非标件加工、高速卷绕机振动、技能等级认定体系建设等提供帮助。",
                    "工会把这种模式概括为“企业点单、劳模接单、工会送单”。",
                ),
            ],
        },
    },
    "zhang-zhaohong-studio-assessed": {
        "date": datetime.date(2024, 10, 29),
        "image": ("workshop", 2),
        "related": ["zhang-zhaohong", "zhang-zhaohong-innovation-studio"],
        "en": {
            "title": "Union assessment team visits the Zhang Zhaohong Model Worker Innovation Studio",
            "author": "Zhang Lei",
            "summary": "The ACFTU's national assessment team looked at site use, transformation of results and procedures, and praised the studio's “1 + N” mode.",
            "tags": ["Innovation studios", "Assessment"],
            "body": [
                *p(
                    "On 28 October the National Model Worker Innovation Studio Assessment Team of the All-China Federation of Trade Unions visited the company to assess the Zhang Zhaohong Model Worker Innovation Studio.",
                    "The studio's “1 + N” mode and its four discipline groups — rotating equipment, static equipment, electrical and instrument — have made it a base for all-discipline training and profit improvement.",
                    "The assessors commented on site utilisation, the transformation of innovation results, and procedures and regulations, and encouraged the studio to explore cross-industry and cross-discipline integration through innovation alliances.",
                ),
            ],
        },
        "zh": {
            "title": "全国总工会评估组评估张兆宏劳模创新工作室",
            "author": "张磊",
            "summary": "全国总工会评估组从场地利用、成果转化、制度规范等方面进行评估，肯定了工作室的“1+N”模式。",
            "tags": ["创新工作室", "评估"],
            "body": [
                *p(
                    "10月28日，全国总工会全国示范性劳模创新工作室评估组来到公司，对张兆宏劳模创新工作室进行评估。",
                    "工作室采用“1+N”模式，设立转动设备、静设备、电气、仪表四个专业组，成为全专业培训和提质增效的基地。",
                    "评估组从场地利用、创新成果转化、制度规范三个方面作了点评，并鼓励工作室通过创新联盟探索跨行业、跨专业融合。",
                ),
            ],
        },
    },
    "textile-studio-alliance-founded": {
        "date": datetime.date(2025, 11, 4),
        "image": ("loom", 2),
        "related": [
            "textile-industry-studio-alliance",
            "no7-mill-spinning-innovation-studio",
        ],
        "en": {
            "title": "Textile industry founds a national alliance of innovation studios",
            "author": "",
            "summary": "40 member units, 50 innovation achievements released and new “AI + Textile” courses for textile workers.",
            "tags": ["Textile", "Alliances", "AI + Textile"],
            "body": [
                *p(
                    "On 31 October the China Finance, Trade, Light Industry, Textile and Tobacco Workers' Union held a demonstration and exchange activity on the “Five Minor” innovations of textile workers in Shengze, Suzhou.",
                    "The National Textile Industry Model Workers and Skilled Craftsmen Innovation Studio Alliance was founded with a first batch of 40 member units. The event released 50 innovation achievements and a series of “Artificial Intelligence + Textile” learning courses.",
                    "Participants visited the Jiangsu Provincial Craftsmen College (Wujiang), a provincial skills competition base and a national innovation centre for advanced functional fibres.",
                ),
            ],
        },
        "zh": {
            "title": "纺织行业成立全国劳模和工匠人才创新工作室联盟",
            "author": "",
            "summary": "首批40家成员单位，发布50项创新成果和“人工智能+纺织”系列课程。",
            "tags": ["纺织", "联盟", "人工智能+纺织"],
            "body": [
                *p(
                    "10月31日，中国财贸轻纺烟草工会在苏州盛泽举办纺织行业职工“五小”创新创造示范交流活动。",
                    "活动中，全国纺织行业劳模和工匠人才创新工作室联盟成立，首批成员单位40家。活动发布了50项职工创新成果和“人工智能+纺织”系列学习课程。",
                    "与会人员还参观了江苏省工匠学院（吴江）、省级职业技能竞赛基地和国家先进功能纤维创新中心。",
                ),
            ],
        },
    },
    "shaanxi-model-workers-action": {
        "date": datetime.date(2024, 5, 27),
        "image": ("welding_cell", 3),
        "related": [],
        "en": {
            "title": "Shaanxi launches a model-worker action for new quality productive forces",
            "author": "Workers' Daily",
            "summary": "Service teams of model workers, new innovation studios and about 80% of first-line model workers with a studio by the end of 2026.",
            "tags": ["Shaanxi", "Service teams"],
            "body": [
                *p(
                    "Shaanxi province has launched an action of model workers and craftsmen to help develop new quality productive forces, built around four actions: model workers and craftsmen in enterprises, innovation, and rural revitalisation.",
                    "Service teams of model workers will bring technology, training and services to enterprises. By the end of 2026, about 80 percent of first-line model workers and craftsmen in the province are to have an innovation studio.",
                    "The action links Shaanxi's 10,000 model workers with the development of new quality productive forces. At the launch ceremony the provincial federation presented flags to eight service-team representatives, and four enterprises formed service pairs with four model workers.",
                ),
                figures(("10,000", "model workers"), ("80%", "with a studio by 2026")),
            ],
        },
        "zh": {
            "title": "陕西启动劳模助力发展新质生产力行动",
            "author": "工人日报",
            "summary": "组建劳模服务队、创建一批创新工作室，到2026年底一线劳模工匠创新工作室创建率达到80%左右。",
            "tags": ["陕西", "劳模服务队"],
            "body": [
                *p(
                    "陕西省启动劳模工匠助力发展新质生产力行动，围绕劳模工匠进企业、创新创效、乡村振兴等“四大行动”展开。",
                    "全省将广泛组建劳模服务队，为企业送技术、送培训、送服务。到2026年底，全省一线劳模和工匠人才创新工作室创建率达到80%左右。",
                    "这一行动搭建起全省1万名劳模与发展新质生产力之间的平台通道。启动仪式上，省总工会向8名劳模工匠服务队代表授旗，4家企业与4名劳模工匠结成服务对子。",
                ),
                figures(("10000", "名劳模"), ("80%", "2026年工作室创建率")),
            ],
        },
    },
    "great-country-craftsman-conference": {
        "date": datetime.date(2023, 7, 31),
        "image": ("workshop", 4),
        "related": ["han-liping"],
        "en": {
            "title": "Beijing hosts the 2nd Great Country Craftsman Innovation Exchange Conference",
            "author": "Guangming Net",
            "summary": "More than 1,200 innovation achievements, 500 model workers and craftsmen, live demonstrations and a craftsman roadshow.",
            "tags": ["Great country craftsman", "Conferences"],
            "body": [
                *p(
                    "The 2nd Great Country Craftsman Innovation Exchange Conference and Great Country Craftsman Forum were held in Beijing from 28 to 30 July under the theme “building dreams with ingenuity and serving the country with skills”.",
                    "More than 1,200 innovation achievements and over 500 model workers and craftsmen were exhibited, with live demonstrations by 12 great country craftsmen in fields from aerospace to rail transit.",
                    "In a craftsman roadshow, 15 craftsmen presented their achievements on site; expert judges, including five great country craftsmen, scored them and chose the award winners.",
                ),
                figures(
                    ("1,200+", "innovation achievements"),
                    ("500+", "model workers and craftsmen"),
                ),
            ],
        },
        "zh": {
            "title": "第二届大国工匠创新交流大会在京举行",
            "author": "光明网",
            "summary": "展出1200余项创新成果、500余名劳模工匠，设现场演示和工匠路演。",
            "tags": ["大国工匠", "交流大会"],
            "body": [
                *p(
                    "7月28日至30日，第二届大国工匠创新交流大会暨大国工匠论坛在北京举行，主题为“匠心筑梦 技能报国”。",
                    "大会展出1200余项工匠创新成果和500余名劳模工匠，12位大国工匠在航天、轨道交通等领域进行现场演示讲解。",
                    "“工匠路演”环节中，15名工匠现场讲解创新成果，包括5位大国工匠在内的专家评委现场打分并评出奖项。",
                ),
                figures(("1200+", "项创新成果"), ("500+", "名劳模工匠")),
            ],
        },
    },
}

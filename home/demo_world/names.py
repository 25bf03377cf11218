"""Chinese personal names as people write them (surname first, no space), with their
pinyin, drawn from common surnames and given names by a seeded ``random.Random``:
the same seed gives the same people."""

from __future__ import annotations

import random
from dataclasses import dataclass

# The most common surnames, roughly by frequency (a name drawn twice as often as
# one further down the list).
SURNAMES = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("高", "Gao"),
    ("林", "Lin"),
    ("罗", "Luo"),
    ("郑", "Zheng"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("宋", "Song"),
    ("唐", "Tang"),
    ("许", "Xu"),
    ("韩", "Han"),
    ("冯", "Feng"),
    ("邓", "Deng"),
    ("曹", "Cao"),
    ("彭", "Peng"),
    ("曾", "Zeng"),
    ("田", "Tian"),
    ("董", "Dong"),
    ("袁", "Yuan"),
    ("潘", "Pan"),
    ("蒋", "Jiang"),
    ("蔡", "Cai"),
    ("余", "Yu"),
    ("杜", "Du"),
]

GIVEN_NAMES = [
    ("建国", "Jianguo"),
    ("秀英", "Xiuying"),
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("丽", "Li"),
    ("强", "Qiang"),
    ("磊", "Lei"),
    ("军", "Jun"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("娟", "Juan"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("霞", "Xia"),
    ("平", "Ping"),
    ("刚", "Gang"),
    ("桂英", "Guiying"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("建华", "Jianhua"),
    ("晓东", "Xiaodong"),
    ("丽华", "Lihua"),
    ("国强", "Guoqiang"),
    ("红梅", "Hongmei"),
    ("春生", "Chunsheng"),
    ("玉兰", "Yulan"),
    ("文博", "Wenbo"),
    ("子涵", "Zihan"),
    ("浩然", "Haoran"),
    ("雨欣", "Yuxin"),
    ("俊杰", "Junjie"),
    ("欣怡", "Xinyi"),
    ("志伟", "Zhiwei"),
    ("淑珍", "Shuzhen"),
    ("德明", "Deming"),
    ("永红", "Yonghong"),
    ("立新", "Lixin"),
    ("卫东", "Weidong"),
    ("金凤", "Jinfeng"),
    ("宏伟", "Hongwei"),
    ("小龙", "Xiaolong"),
    ("思雨", "Siyu"),
]

_SURNAME_WEIGHTS = [len(SURNAMES) - n for n in range(len(SURNAMES))]


@dataclass(frozen=True)
class PersonName:
    written: str  # 王建国: how the person writes it, shown everywhere
    surname: str  # Wang
    given: str  # Jianguo


def person_names(rng: random.Random, count: int) -> list[PersonName]:
    """``count`` names; real people share names, so repeats are allowed."""
    surnames = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS, k=count)
    given = rng.choices(GIVEN_NAMES, k=count)
    return [
        PersonName(written=s + g, surname=s_latin, given=g_latin)
        for (s, s_latin), (g, g_latin) in zip(surnames, given, strict=True)
    ]

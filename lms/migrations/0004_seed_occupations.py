"""Seeds the industries and occupations of the national occupational classification
that the stories and courses use. Existing rows (matched by code) are kept."""

from django.db import migrations

INDUSTRIES = {
    "textile": ("Textile", "纺织"),
    "automotive": ("Automotive manufacturing", "汽车制造"),
    "aerospace": ("Aerospace equipment", "航天装备"),
    "petrochemical": ("Petrochemical", "石油化工"),
    "electrical": ("Electrical power", "电力"),
}

# code: (name, Chinese name, industry)
OCCUPATIONS = {
    "6-18-01-01": ("Lathe operator", "车工", "automotive"),
    "6-18-01-02": ("Milling machine operator", "铣工", "automotive"),
    "6-18-01-07": ("CNC machining-centre operator", "加工中心操作调整工", "aerospace"),
    "6-18-02-04": ("Welder", "焊工", "automotive"),
    "6-22-02-01": (
        "Automobile assembly and adjustment worker",
        "汽车装调工",
        "automotive",
    ),
    "6-23-03-05": (
        "Aerospace ground equipment fitter",
        "航天地面设备装配工",
        "aerospace",
    ),
    "6-04-01-01": ("Spinner", "纺纱工", "textile"),
    "6-04-02-01": ("Weaver", "织布工", "textile"),
    "6-04-05-01": ("Textile machinery fitter", "纺织设备保全工", "textile"),
    "6-11-01-03": ("Chemical process control operator", "化工总控工", "petrochemical"),
    "6-31-01-02": (
        "Maintenance fitter (rotating equipment)",
        "机修钳工",
        "petrochemical",
    ),
    "6-31-01-09": ("Instrument technician", "仪器仪表维修工", "petrochemical"),
    "6-31-01-03": ("Electrician", "电工", "electrical"),
    "6-28-01-14": ("Substation operator", "变电站运行值班员", "electrical"),
}


def seed(apps, schema_editor):
    Industry = apps.get_model("lms", "Industry")
    Occupation = apps.get_model("lms", "Occupation")
    industries = {}
    for code, (name, name_zh) in INDUSTRIES.items():
        industries[code], _ = Industry.objects.get_or_create(
            code=code, defaults={"name": name, "name_zh": name_zh}
        )
    for code, (name, name_zh, industry) in OCCUPATIONS.items():
        Occupation.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_zh": name_zh,
                "industry": industries[industry],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("lms", "0003_certificates")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

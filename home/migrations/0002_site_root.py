"""Makes a HomePage the site root, in English and Simplified Chinese."""

from django.db import migrations

HOME_TITLES = {"en": "Craft Skills", "zh-hans": "匠心技能"}


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    english, _ = Locale.objects.get_or_create(language_code="en")
    chinese, _ = Locale.objects.get_or_create(language_code="zh-hans")
    root = Page.objects.get(depth=1)
    pages = {}
    for number, (code, locale) in enumerate((("en", english), ("zh-hans", chinese))):
        path = f"{root.path}{number + 1:04d}"
        pages[code] = HomePage.objects.create(
            title=HOME_TITLES[code],
            draft_title=HOME_TITLES[code],
            slug="home" if code == "en" else "home-zh-hans",
            content_type=home_type,
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/{'home' if code == 'en' else 'home-zh-hans'}/",
            locale=locale,
            live=True,
        )
    translation_key = pages["en"].translation_key
    HomePage.objects.filter(pk=pages["zh-hans"].pk).update(translation_key=translation_key)
    root.numchild = 2
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=pages["en"].pk, is_default_site=True
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "__latest__"),
    ]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]

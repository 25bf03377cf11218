"""Editors draft and moderators approve: page permissions on the root of every
language tree, image and document permissions on the root collection, and the
"Moderators approval" workflow on the root page. Wagtail's own initial data usually
made these already; this makes sure of them (get-or-create, safe to run again). The
right to translate (wagtail-localize's "submit_translation") is a role permission in
``lms.roles``; this migration once granted simple_translation's, which is gone."""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Editor": ["add_page", "change_page"],
    "Moderator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
PAGE_PERMISSION_NAMES = {
    "add_page": "Can add page",
    "change_page": "Can change page",
    "publish_page": "Can publish any page",
    "lock_page": "Can lock any page",
    "unlock_page": "Can unlock any page",
}
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
}
WORKFLOW_NAME = "Moderators approval"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Page.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = _permission(
                apps, "wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename]
            )
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root, permission=permission
            )
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                permission = _permission(
                    apps, app_label, model, codename, codename.replace("_", " ")
                )
                for group in groups.values():
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collection, permission=permission
                    )
    _moderation_workflow(apps, root, groups["Moderator"])


def _moderation_workflow(apps, root, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    task = GroupApprovalTask.objects.filter(groups=moderators, active=True).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=task_type, active=True
        )
        task.groups.add(moderators)
    workflow = Workflow.objects.filter(workflow_tasks__task=task, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_content_pages"),
        ("lms", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

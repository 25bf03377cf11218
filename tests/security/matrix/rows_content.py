"""Content (home): the public pages, and the Wagtail admin with its key views:
pages, images, the workflow, our viewsets (skills and organisations), reports and
users."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from lms.models import Industry, IssuingBody, Membership
from lms.roles import Role
from tests.home.admin_forms import profile_form

from .table import admin, expect, get, post

PAGES = "Content pages (home)"
ADMIN = "Wagtail admin"
PUBLIC = expect(200, anonymous=200)
SITEMAP = "wagtail.contrib.sitemaps.views.sitemap"
EVERYONE_302 = expect(302, anonymous=302)
WRITERS = ("editor", "moderator", "staff")
PUBLISHERS = ("moderator", "staff")
OFFICE = ("officer", "staff")
UNION = ("coordinator", "staff")
# A delete view finds its record (scoped to the coordinator's unions) before it
# checks the permission: other admin users get a 404 there, not the dashboard.
UNION_OK = admin(200, *UNION)


def _a(w):
    return w.a.pk


def _b(w):
    return w.b.pk


def _union(w):
    return w.union.pk


def _member_a(w):
    return Membership.objects.get(user=w.users["learner"]).pk


def _member_b(w):
    return Membership.objects.get(user=w.users["hr_b"]).pk


NOT_UNION_ADMIN = (
    "coordinator",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "officer",
    "organiser",
)
# Object views of the organisations' admin: only the coordinator's union is found;
# admin users who may not keep organisations find nothing (404).
UNION_OBJ = {**admin(200, *UNION), **dict.fromkeys(NOT_UNION_ADMIN[1:], 404)}
UNION_B = {**admin(200, "staff"), **dict.fromkeys(NOT_UNION_ADMIN, 404)}
# Coordinators may not delete unions: Wagtail sends them to the dashboard.
UNION_DELETE = {**UNION_OBJ, "coordinator": 302}


def r(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


def page(key, suffix=""):
    return lambda w: getattr(w, key).url + suffix


def _zh_home(w):
    return "/zh-hans/"


def _live(key):
    def state(w, user):
        return Page.objects.get(pk=getattr(w, key).pk).live

    return state


def _approve_url(w):
    state = Page.objects.get(pk=w.submitted.pk).current_workflow_task_state
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=(w.submitted.pk, "approve", state.pk),
    )


def _publish_data(w):
    data = profile_form("Draft", "draft", "Summary", "<p>Biography</p>")
    return {**data, "action-publish": "Publish"}


ROWS = [
    get(
        PAGES,
        "role-model profiles",
        "page:home.profileindexpage",
        page("profiles"),
        PUBLIC,
    ),
    get(PAGES, "a profile", "page:home.craftsmanprofilepage", page("profile"), PUBLIC),
    get(PAGES, "stories", "page:home.storyindexpage", page("stories"), PUBLIC),
    get(PAGES, "a story", "page:home.storypage", page("story"), PUBLIC),
    get(
        PAGES,
        "stories RSS",
        "page:home.storyindexpage",
        page("stories", "rss/"),
        PUBLIC,
    ),
    get(
        PAGES,
        "stories Atom",
        "page:home.storyindexpage",
        page("stories", "atom/"),
        PUBLIC,
    ),
    get(PAGES, "studios", "page:home.studioindexpage", page("studios"), PUBLIC),
    get(PAGES, "a studio", "page:home.innovationstudiopage", page("studio"), PUBLIC),
    get(PAGES, "an alliance", "page:home.alliancepage", page("alliance"), PUBLIC),
    get(
        PAGES,
        "a draft profile",
        "page:home.craftsmanprofilepage",
        lambda w: w.profiles.url + "draft/",
        expect(404, anonymous=404),
    ),
    get(PAGES, "home page (Chinese)", "page:home.homepage", _zh_home, PUBLIC),
    get(
        PAGES,
        "search",
        "home:search",
        lambda w: reverse("home:search") + "?q=loom",
        PUBLIC,
    ),
    get(
        PAGES,
        "role models (address)",
        "home:profiles",
        r("home:profiles"),
        EVERYONE_302,
    ),
    get(PAGES, "stories (address)", "home:stories", r("home:stories"), EVERYONE_302),
    get(PAGES, "studios (address)", "home:studios", r("home:studios"), EVERYONE_302),
    get(PAGES, "sitemap", SITEMAP, lambda w: "/sitemap.xml", PUBLIC),
    # --- the admin ----------------------------------------------------------------
    get(
        ADMIN,
        "dashboard",
        "wagtailadmin_home",
        r("wagtailadmin_home"),
        admin(
            200,
            "hr_a",
            "hr_b",
            "editor",
            "moderator",
            "coordinator",
            "officer",
            "organiser",
            "staff",
        ),
    ),
    get(
        ADMIN,
        "page explorer",
        "wagtailadmin_explore",
        r("wagtailadmin_explore", lambda w: w.profiles.pk),
        admin(200, *WRITERS),
    ),
    get(
        ADMIN,
        "add a profile page",
        "wagtailadmin_pages:add",
        r(
            "wagtailadmin_pages:add",
            "home",
            "craftsmanprofilepage",
            lambda w: w.profiles.pk,
        ),
        admin(200, *WRITERS),
    ),
    get(
        ADMIN,
        "edit a profile page",
        "wagtailadmin_pages:edit",
        r("wagtailadmin_pages:edit", lambda w: w.profile.pk),
        admin(200, *WRITERS),
    ),
    post(
        ADMIN,
        "approve a submitted page",
        "wagtailadmin_pages:workflow_action",
        _approve_url,
        admin(302, *WRITERS),
        state=_live("submitted"),
        acts=PUBLISHERS,
    ),
    post(
        ADMIN,
        "publish a draft without approval",
        "wagtailadmin_pages:edit",
        r("wagtailadmin_pages:edit", lambda w: w.draft.pk),
        admin(302, *WRITERS),
        data=_publish_data,
        state=_live("draft"),
        acts=PUBLISHERS,
    ),
    get(
        ADMIN,
        "images",
        "wagtailimages:index",
        r("wagtailimages:index"),
        admin(200, *WRITERS),
    ),
    get(
        ADMIN,
        "workflow report",
        "wagtailadmin_reports:workflow",
        r("wagtailadmin_reports:workflow"),
        admin(200, *WRITERS),
    ),
    get(
        ADMIN,
        "site history report",
        "wagtailadmin_reports:site_history",
        r("wagtailadmin_reports:site_history"),
        # Wagtail lists only the entries of what each admin user may see.
        admin(200, "hr_a", "hr_b", *WRITERS, "coordinator", "officer", "organiser"),
    ),
    get(
        ADMIN,
        "users",
        "wagtailusers_users:index",
        r("wagtailusers_users:index"),
        admin(200, "staff"),
    ),
    # The user forms are ours (lms.admin_users): roles go through the services.
    get(
        ADMIN,
        "add a user (form)",
        "wagtailusers_users:add",
        r("wagtailusers_users:add"),
        admin(200, "staff"),
    ),
    get(
        ADMIN,
        "edit a user (form)",
        "wagtailusers_users:edit",
        lambda w: reverse("wagtailusers_users:edit", args=[w.erasable.pk]),
        admin(200, "staff"),
    ),
    post(
        ADMIN,
        "give a user a role",
        "wagtailusers_users:edit",
        lambda w: reverse("wagtailusers_users:edit", args=[w.erasable.pk]),
        admin(302, "staff"),
        data=lambda w: {
            "email": w.erasable.email,
            "first_name": "Leaving",
            "last_name": "Worker",
            "is_active": "on",
            "groups": [Group.objects.get_or_create(name=Role.MENTOR)[0].pk],
        },
        state=lambda w, user: sorted(w.erasable.groups.values_list("name", flat=True)),
        acts={"staff"},
    ),
    # Skills (officers) and organisations (coordinators): our ModelViewSets.
    get(
        ADMIN, "industries", "industry:index", r("industry:index"), admin(200, *OFFICE)
    ),
    get(
        ADMIN,
        "add an industry (form)",
        "industry:add",
        r("industry:add"),
        admin(200, *OFFICE),
    ),
    post(
        ADMIN,
        "add an industry",
        "industry:add",
        r("industry:add"),
        admin(302, *OFFICE),
        data=lambda w: {"code": "99", "name": "Robots", "name_zh": "机器人"},
        state=lambda w, user: Industry.objects.count(),
        acts=OFFICE,
    ),
    get(
        ADMIN,
        "edit an industry",
        "industry:edit",
        r("industry:edit", lambda w: w.occupation.industry_id),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "occupations",
        "occupation:index",
        r("occupation:index"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "add an occupation",
        "occupation:add",
        r("occupation:add"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "edit an occupation",
        "occupation:edit",
        r("occupation:edit", lambda w: w.occupation.pk),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "skill-level ladder",
        "levelrequirement:index",
        r("levelrequirement:index"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "add a ladder step",
        "levelrequirement:add",
        r("levelrequirement:add"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "edit a ladder step",
        "levelrequirement:edit",
        r("levelrequirement:edit", lambda w: w.requirement.pk),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "issuing bodies",
        "issuingbody:index",
        r("issuingbody:index"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "add an issuing body (form)",
        "issuingbody:add",
        r("issuingbody:add"),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "edit an issuing body",
        "issuingbody:edit",
        r(
            "issuingbody:edit",
            lambda w: IssuingBody.objects.get_or_create(name="Matrix Centre")[0].pk,
        ),
        admin(200, *OFFICE),
    ),
    get(
        ADMIN,
        "enterprises",
        "enterprise:index",
        r("enterprise:index"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "add an enterprise",
        "enterprise:add",
        r("enterprise:add"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "edit an enterprise",
        "enterprise:edit",
        r("enterprise:edit", lambda w: w.a.pk),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "edit an enterprise of another union",
        "enterprise:edit",
        r("enterprise:edit", lambda w: w.b.pk),
        {**admin(200, "staff"), "coordinator": 404},
    ),
    get(
        ADMIN,
        "trade unions",
        "tradeunion:index",
        r("tradeunion:index"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "add a trade union",
        "tradeunion:add",
        r("tradeunion:add"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "edit a trade union",
        "tradeunion:edit",
        r("tradeunion:edit", lambda w: w.union.pk),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "memberships",
        "membership:index",
        r("membership:index"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "add a membership",
        "membership:add",
        r("membership:add"),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "edit a membership",
        "membership:edit",
        r(
            "membership:edit",
            lambda w: Membership.objects.get(user=w.users["learner"]).pk,
        ),
        admin(200, *UNION),
    ),
    get(
        ADMIN,
        "edit a membership in another union's enterprise",
        "membership:edit",
        r(
            "membership:edit",
            lambda w: Membership.objects.get(user=w.users["hr_b"]).pk,
        ),
        {**admin(200, "staff"), "coordinator": 404},
    ),
    post(
        ADMIN,
        "delete a membership in another union's enterprise",
        "membership:delete",
        r(
            "membership:delete",
            lambda w: Membership.objects.get(user=w.users["hr_b"]).pk,
        ),
        {**admin(302, "staff"), **dict.fromkeys(NOT_UNION_ADMIN, 404)},
        state=lambda w, user: Membership.objects.count(),
        acts=("staff",),
    ),
    post(
        ADMIN,
        "delete a membership",
        "membership:delete",
        r(
            "membership:delete",
            lambda w: Membership.objects.get(user=w.users["learner"]).pk,
        ),
        {**admin(302, *UNION), **dict.fromkeys(NOT_UNION_ADMIN[1:], 404)},
        state=lambda w, user: Membership.objects.count(),
        acts=UNION,
    ),
    # The organisations' other admin views, scoped like their edit views: the
    # coordinator's union (A) is found, another's (B) is a 404.
    *[
        get(ADMIN, f"{name} ({which})", name, r(name, *args), expected)
        for name, which, args, expected in [
            ("enterprise:index_results", "list", (), UNION_OK),
            ("tradeunion:index_results", "list", (), UNION_OK),
            ("membership:index_results", "list", (), UNION_OK),
            ("enterprise:history", "A", (_a,), UNION_OBJ),
            ("enterprise:history", "B", (_b,), UNION_B),
            ("enterprise:history_results", "A", (_a,), UNION_OBJ),
            ("enterprise:usage", "A", (_a,), UNION_OBJ),
            ("enterprise:usage", "B", (_b,), UNION_B),
            ("enterprise:delete", "B", (_b,), UNION_B),
            ("tradeunion:history", "union", (_union,), UNION_OBJ),
            ("tradeunion:history_results", "union", (_union,), UNION_OBJ),
            ("tradeunion:usage", "union", (_union,), UNION_OBJ),
            ("tradeunion:delete", "union", (_union,), UNION_DELETE),
            ("membership:history", "A", (_member_a,), UNION_OBJ),
            ("membership:history", "B", (_member_b,), UNION_B),
            ("membership:history_results", "A", (_member_a,), UNION_OBJ),
            ("membership:usage", "B", (_member_b,), UNION_B),
        ]
    ],
]

"""``{% fragment "name" page [vary ...] %}…{% endfragment %}``: the enclosed HTML,
rendered once per content version, page revision, language, host and ``vary``
values (``lms.fragments``). Only for what is the same for every reader: nothing
personal and no ``{% csrf_token %}`` inside. Without a page (``None``), outside
Wagtail pages, the block is rendered every time."""

from django import template
from wagtail.models import Page

from lms import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, page, vary):
        self.nodelist, self.name, self.page, self.vary = nodelist, name, page, vary

    def render(self, context):
        page = self.page.resolve(context)
        if not isinstance(page, Page) or not page.pk:
            return self.nodelist.render(context)
        return fragments.html(
            str(self.name.resolve(context)),
            lambda: self.nodelist.render(context),
            page=page,
            request=context.get("request"),
            vary=[v.resolve(context) for v in self.vary],
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a name and a page: {{% fragment \"name\" page %}}"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, page, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, page, vary)

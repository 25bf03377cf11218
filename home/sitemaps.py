from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists only the site root's tree; ours lists the root's
    translations too, so the Chinese pages are found."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for tree in roots:
            pages |= Page.objects.descendant_of(tree, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

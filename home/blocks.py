"""StreamField blocks of the content pages: biographies, stories, studios, alliances."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Rich text stays small: editors write prose, not layouts.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    """Words someone said, with who said them."""

    text = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("said by"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "text": "There are no shortcuts or detours, only steady progress with "
            "each step.",
            "attribution": "Han Liping",
        }
        description = _("A quotation with the name of the speaker")


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "home/blocks/captioned_image_block.html"
        preview_value = {"caption": "At the workstation"}
        description = _("A photo with a caption")


class FigureBlock(blocks.StructBlock):
    """One key number and what it counts (e.g. "13" patents)."""

    value = blocks.CharBlock(label=_("number"), max_length=20)
    label = blocks.CharBlock(label=_("what it counts"), max_length=80)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "home/blocks/figure_block.html"
        preview_value = {"value": "300+", "label": "innovation projects"}


class FiguresBlock(blocks.StructBlock):
    """A row of key figures."""

    figures = blocks.ListBlock(FigureBlock(), label=_("figures"), max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "home/blocks/figures_block.html"
        preview_value = {
            "figures": [
                {"value": "300+", "label": "innovation projects"},
                {"value": "13", "label": "patents"},
            ]
        }
        description = _("A row of up to six key numbers")


class BodyBlock(blocks.StreamBlock):
    """The one body block of every content page."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        icon="title",
        template="home/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    figures = FiguresBlock()

    class Meta:
        block_counts = {"figures": {"max_num": 3}}


class QuotesBlock(blocks.StreamBlock):
    """Only quotes: the "in their own words" list of a profile."""

    quote = QuoteBlock()

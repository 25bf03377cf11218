"""The blocks a lesson is written with. Quiz and practical-task blocks are identified by
their StreamField block id: attempts and submissions point at that id, so an editor may
reword a question without losing the learners' history."""

from __future__ import annotations

import os
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from lms.validators import VIDEO_EXTENSIONS, validate_intranet_url

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "hr"]


class CaptionedImageBlock(blocks.StructBlock):
    """A photo or diagram with a caption and a text alternative."""

    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("text alternative"),
        max_length=200,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "courses/blocks/captioned_image.html"
        preview_value = {"alt": "A ring-spinning frame", "caption": "Ring spinning"}


class VideoBlock(blocks.StructBlock):
    """A video: an uploaded MP4 or WebM file, or a link to a video on the
    enterprise's own network, played in the page. No embeds from the internet."""

    video = DocumentChooserBlock(
        label=_("uploaded video file"),
        required=False,
        help_text=_("An MP4 or WebM file uploaded as a document."),
    )
    url = blocks.CharBlock(
        label=_("or a link to the video"),
        required=False,
        max_length=500,
        validators=[validate_intranet_url],
        help_text=_(
            "A link on your own network, e.g. http://mediaserver/v.mp4. An MP4 or "
            "WebM link plays in the page; any other link is shown as a link."
        ),
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    poster = ImageChooserBlock(
        label=_("poster image"),
        required=False,
        help_text=_("Shown before the video plays."),
    )
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt file of captions in the lesson's language."),
    )
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        preview_value = {
            "title": "Threading the loom",
            "url": "http://mediaserver/v/threading.mp4",
            "transcript": "Open the guard, then thread from the back beam.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("video")) == bool(value.get("url")):
            errors["url"] = ValidationError(
                _("Choose an uploaded video file or give a link, not both.")
            )
        video = value.get("video")
        if video and _extension(video.filename) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(
                _("Choose an MP4 or WebM file for the video.")
            )
        captions = value.get("captions")
        if captions and _extension(captions.filename) != ".vtt":
            errors["captions"] = ValidationError(
                _("Captions must be a WebVTT (.vtt) file.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        source = value["video"].url if value.get("video") else value.get("url", "")
        kind = _extension(source.split("?")[0])
        context["source"] = source
        context["source_type"] = VIDEO_TYPES.get(kind, "")
        return context


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower()


VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


class DocumentDownloadBlock(blocks.StructBlock):
    """A document the learner downloads: a manual, a checklist, a drawing."""

    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(
        label=_("description"), max_length=250, required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document_download.html"
        preview_value = {"description": "Loom maintenance checklist (PDF)"}


class SafetyWarningBlock(blocks.StructBlock):
    """A safety notice that stands out: the hazard and what to do about it."""

    severity = blocks.ChoiceBlock(
        label=_("severity"),
        choices=[
            ("danger", _("Danger")),
            ("warning", _("Warning")),
            ("caution", _("Caution")),
        ],
        default="warning",
    )
    title = blocks.CharBlock(label=_("hazard"), max_length=200)
    text = blocks.RichTextBlock(label=_("what to do"), features=["bold", "ul", "ol"])
    protective_equipment = blocks.CharBlock(
        label=_("protective equipment"), max_length=250, required=False
    )

    class Meta:
        icon = "warning"
        label = _("Safety warning")
        template = "courses/blocks/safety_warning.html"
        preview_value = {
            "severity": "danger",
            "title": "Moving parts",
            "text": "<p>Lock out the machine before you open the guard.</p>",
        }


class ProcedureStepBlock(blocks.StructBlock):
    """One numbered step of a procedure, with an optional photo."""

    text = blocks.RichTextBlock(label=_("step"), features=["bold", "italic", "link"])
    photo = ImageChooserBlock(label=_("photo"), required=False)
    photo_alt = blocks.CharBlock(
        label=_("photo text alternative"), max_length=200, required=False
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "courses/blocks/procedure_step.html"
        preview_value = {"text": "<p>Stop the machine at the main switch.</p>"}


class ProcedureBlock(blocks.StructBlock):
    """A step-by-step procedure, numbered in order."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    steps = blocks.ListBlock(ProcedureStepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step procedure")
        template = "courses/blocks/procedure.html"
        preview_value = {
            "title": "Changing a shuttle",
            "steps": [
                {"text": "<p>Stop the loom.</p>"},
                {"text": "<p>Open the box.</p>"},
            ],
        }


class ChoiceOptionBlock(blocks.StructBlock):
    """One answer option of a choice question."""

    text = blocks.CharBlock(label=_("option"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Option")
        template = "courses/blocks/none.html"
        preview_value = {"text": "Option"}


class ExplainedQuestionBlock(blocks.StructBlock):
    """Base of every question: the prompt and the explanation shown after answering."""

    prompt = blocks.TextBlock(label=_("question"))
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_("Shown to the learner after the attempt is submitted."),
    )

    class Meta:
        template = "courses/blocks/none.html"


class SingleChoiceQuestionBlock(ExplainedQuestionBlock):
    """A question with several options of which exactly one is right."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("options"), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        preview_value = {
            "prompt": "Which one?",
            "options": [{"text": "A"}, {"text": "B"}],
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(_("Mark exactly one option correct."))
                }
            )
        return value


class MultipleChoiceQuestionBlock(ExplainedQuestionBlock):
    """A question where every right option must be ticked and no wrong one."""

    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("options"), min_num=2)

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")
        preview_value = {
            "prompt": "Which ones?",
            "options": [{"text": "A"}, {"text": "B"}],
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(_("Mark at least one option correct."))
                }
            )
        return value


class TrueFalseQuestionBlock(ExplainedQuestionBlock):
    """A statement the learner marks true or false."""

    answer = blocks.ChoiceBlock(
        label=_("the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
    )

    class Meta:
        icon = "help"
        label = _("True or false")
        preview_value = {"prompt": "Looms never need oiling.", "answer": "false"}


class NumericQuestionBlock(ExplainedQuestionBlock):
    """A question answered with a number; answers within the tolerance are right."""

    answer = blocks.DecimalBlock(label=_("right answer"), decimal_places=4)
    tolerance = blocks.DecimalBlock(
        label=_("tolerance (±)"),
        min_value=Decimal(0),
        decimal_places=4,
        default=Decimal(0),
        required=False,
    )
    unit = blocks.CharBlock(label=_("unit"), max_length=20, required=False)

    class Meta:
        icon = "order"
        label = _("Number")
        preview_value = {"prompt": "Spindle speed?", "answer": "15000", "unit": "rpm"}


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    numeric = NumericQuestionBlock()


class QuizBlock(blocks.StructBlock):
    """A quiz graded on the server; the right answers never reach the browser before
    the learner submits."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    pass_mark = blocks.IntegerBlock(
        label=_("pass mark (%)"), min_value=1, max_value=100, default=70
    )
    max_attempts = blocks.IntegerBlock(
        label=_("attempts allowed"), min_value=1, max_value=20, default=3
    )
    questions = QuestionStreamBlock(label=_("questions"), min_num=1)

    class Meta:
        icon = "form"
        label = _("Quiz")
        template = "courses/blocks/quiz.html"
        preview_value = {"title": "Check your understanding", "pass_mark": 70}


class PracticalTaskBlock(blocks.StructBlock):
    """Work done at the machine: the learner uploads photos and a note, and an
    instructor signs it off or sends it back."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=["bold", "italic", "ol", "ul"]
    )
    min_photos = blocks.IntegerBlock(
        label=_("photos required"), min_value=0, max_value=5, default=1
    )

    class Meta:
        icon = "user"
        label = _("Practical task")
        template = "courses/blocks/practical_task.html"
        preview_value = {
            "title": "Clean the sensor window",
            "instructions": "<p>Photograph the window before and after.</p>",
            "min_photos": 2,
        }


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Rich text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="courses/blocks/rich_text.html",
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    safety = SafetyWarningBlock()
    procedure = ProcedureBlock()
    quiz = QuizBlock()
    practical = PracticalTaskBlock()

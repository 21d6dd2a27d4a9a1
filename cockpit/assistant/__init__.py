"""The assistant: understood intents → cabin commands and other actions, executed, and a spoken reply."""

from .actions import CancelNavigation, Handlers, Media, NavigateTo, Question, ShowPanel
from .assistant import ActionResult, Assistant, Reply
from .plan import plan

__all__ = [
    "ActionResult",
    "Assistant",
    "CancelNavigation",
    "Handlers",
    "Media",
    "NavigateTo",
    "Question",
    "Reply",
    "ShowPanel",
    "plan",
]

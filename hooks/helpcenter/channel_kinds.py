"""What a channel's `kind` (support.yml) decides: the contact it needs, its action and its icon.

Routing and templates ask the kind, never a channel's id, so a team's
channels may have any ids (telegram, whatsapp, vip-desk...).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    contact: str  # the contact.type it needs
    icon: str  # a Material icon path (theme .icons), unless the channel names its own `icon`
    person: bool = True  # a person replies (urgent problems go to one); False for self-service


KINDS: dict[str, Kind] = {
    "chat": Kind("url", "material/chat-processing"),
    "email": Kind("email", "material/email-outline"),
    "phone": Kind("phone", "material/phone"),
    "messenger": Kind("url", "material/message-text-outline"),
    "link": Kind("url", "material/open-in-new"),
    "faq": Kind("article", "material/frequently-asked-questions", person=False),
}

# The kind a channel without `kind:` gets from its contact type (data written before kinds existed).
DEFAULT_KIND = {"url": "chat", "email": "email", "phone": "phone", "article": "faq"}


def kind_of(name: str) -> Kind:
    return KINDS[name]

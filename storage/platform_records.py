"""What a platform adapter keeps of its conversations (Teams): how to reach a chat outside any
turn, and which messages the bot posted there. Neither holds message text."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models import PLATFORM_ID

ENTRA_ID = 64  # an Entra object id (a GUID, 36 characters)


class ConversationKind(enum.StrEnum):
    SPACE = "space"  # a team's space (a Teams group chat)
    PERSONAL = "personal"  # the bot's 1:1 chat with one person


class ConversationRecord(SQLModel, table=True):
    """The platform's reference to a conversation, for posts made outside any turn (Teams:
    the Agents SDK's ConversationReference as JSON, and the claims its proactive calls need).
    A team's row goes when the team is purged (storage.retention_queries)."""

    __tablename__ = "conversation_reference"

    conversation_id: str = Field(primary_key=True, max_length=PLATFORM_ID)
    kind: str = Field(max_length=16)  # a ConversationKind
    user_id: str | None = Field(default=None, index=True, max_length=ENTRA_ID)  # personal
    service_url: str = Field(max_length=512)
    reference_json: str = Field(sa_type=Text)
    claims_json: str = Field(sa_type=Text)
    updated_at: datetime


class PostRecord(SQLModel, table=True):
    """A message the bot posted into a conversation; `key_kind` and `key_id` are the core's
    PostKey of a post made once (NULL otherwise: NULLs never collide in the unique key)."""

    __tablename__ = "platform_post"

    conversation_id: str = Field(primary_key=True, max_length=PLATFORM_ID)
    activity_id: str = Field(primary_key=True, max_length=PLATFORM_ID)
    key_kind: str | None = Field(default=None, max_length=16)
    key_id: str | None = Field(default=None, max_length=PLATFORM_ID)
    posted_at: datetime

    # The primary key and this one both lead with the conversation: its index.
    __table_args__ = (UniqueConstraint("conversation_id", "key_kind", "key_id"),)

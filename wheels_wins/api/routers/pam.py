"""PAM over REST: chat, conversations and feedback (rate limited per user)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, status

from wheels_wins.api.deps import CurrentUser, CurrentUserId, PagingDep, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ErrorEnvelope, not_authenticated, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.pam import (
    ChatRequest,
    ChatResponse,
    ConversationDetail,
    ConversationSummary,
    FeedbackCreate,
    FeedbackPublic,
    MessagePublic,
    ToolCallPublic,
)
from wheels_wins.models import PamMessage
from wheels_wins.pam.agent import ConversationNotFound, SignedOut, run_turn
from wheels_wins.repositories import pam as pam_repo
from wheels_wins.services.rate_limits import PAM_MESSAGES

router = APIRouter(prefix="/pam", tags=["pam"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


def _public_calls(calls: list[dict]) -> list[ToolCallPublic]:
    return [
        ToolCallPublic(
            name=c["name"], arguments=c.get("arguments", {}), ok=c.get("ok", False), result=c.get("result", {})
        )
        for c in calls
    ]


def _message(message: PamMessage) -> MessagePublic:
    return MessagePublic(
        id=message.id,
        role=message.role,
        content=message.content,
        provider=message.provider,
        tool_calls=_public_calls(message.tool_calls),
        ui_actions=message.ui_actions,
        created_at=message.created_at,
    )


@router.post(
    "/chat",
    response_model=ChatResponse,
    summary="Send PAM a message",
    dependencies=[
        Depends(per_user_rate_limit(PAM_MESSAGES.name, limit=PAM_MESSAGES.limit, per_seconds=PAM_MESSAGES.per_seconds))
    ],
    responses={
        404: ERROR_RESPONSES[404],
        429: {"model": ErrorEnvelope, "description": "Too many messages; see Retry-After"},
    },
)
async def chat(body: ChatRequest, user_id: CurrentUserId) -> ChatResponse:
    """PAM reads the message, acts through its tools and replies; `provider` says who answered."""
    context = body.context
    location = (context.location.latitude, context.location.longitude) if context and context.location else None
    try:
        turn = await run_turn(
            user_id=user_id,
            message=body.message,
            conversation_id=body.conversation_id,
            page=context.current_page if context else "/",
            location=location,
        )
    except ConversationNotFound:
        raise not_found("conversation") from None
    except SignedOut:  # the account or its session ended after the bearer check
        raise not_authenticated() from None
    return ChatResponse(
        conversation_id=turn.conversation_id,
        message_id=turn.message_id,
        reply=turn.reply,
        provider=turn.provider,
        tool_calls=_public_calls([c.public() for c in turn.tool_calls]),
        ui_actions=turn.ui_actions,
    )


@router.get("/conversations", response_model=Page[ConversationSummary], summary="List conversations")
def list_conversations(user: CurrentUser, session: SessionDep, paging: PagingDep) -> Page[ConversationSummary]:
    """The user's conversations, most recently active first."""
    rows, total = pam_repo.list_conversations(session, user_id=user.id, limit=paging.limit, offset=paging.offset)
    return Page(items=[ConversationSummary.model_validate(r) for r in rows], total=total)


@router.get(
    "/conversations/{conversation_id}",
    response_model=ConversationDetail,
    summary="Get a conversation",
    responses={404: ERROR_RESPONSES[404]},
)
def get_conversation(conversation_id: str, user: CurrentUser, session: SessionDep) -> ConversationDetail:
    """A conversation and its messages, oldest first."""
    found = pam_repo.get_conversation(
        session, user_id=user.id, conversation_id=parse_id(conversation_id, "conversation")
    )
    if found is None:
        raise not_found("conversation")
    messages = pam_repo.messages(session, user_id=user.id, conversation_id=found.id)
    return ConversationDetail(
        id=found.id,
        title=found.title,
        created_at=found.created_at,
        updated_at=found.updated_at,
        messages=[_message(m) for m in messages],
    )


@router.post(
    "/feedback",
    status_code=status.HTTP_201_CREATED,
    response_model=FeedbackPublic,
    summary="Rate a reply",
    responses={404: ERROR_RESPONSES[404]},
)
def feedback(body: FeedbackCreate, user: CurrentUser, session: SessionDep) -> FeedbackPublic:
    """Thumbs up or down on one of PAM's replies (one rating per message; a new one replaces it)."""
    stored = pam_repo.add_feedback(
        session, user_id=user.id, message_id=body.message_id, rating=body.rating, comment=body.comment
    )
    if stored is None:
        raise not_found("message")
    return FeedbackPublic.model_validate(stored)

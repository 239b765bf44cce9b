"""Field types every API schema shares: exact decimals, trimmed text, categories, zones, pages."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from wheels_wins.services.categories import CATEGORIES, normalise_category

T = TypeVar("T")

MAX_MONEY = Decimal("9999999999.99")  # NUMERIC(12,2)
MAX_LITRES = Decimal("999999.99")  # NUMERIC(8,2)
MAX_PRICE_PER_LITRE = Decimal("999.999")  # NUMERIC(6,3)
_MAX_DIGITS_BEFORE_POINT = 15  # well past every column's limit; also keeps quantize() within its precision
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


def _exact_decimal(places: int) -> Callable[[Any], Decimal]:
    step = Decimal(1).scaleb(-places)

    def parse(value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            raise PydanticCustomError("decimal_type", "must be a number or a decimal string")
        # A JSON number arrives as a float; its shortest repr is the text the client sent.
        text = repr(value) if isinstance(value, float) else str(value).strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise PydanticCustomError("decimal_parsing", "must be a number or a decimal string") from None
        if not number.is_finite():
            raise PydanticCustomError("finite_number", "must be a finite number")
        if number.adjusted() > _MAX_DIGITS_BEFORE_POINT:
            raise PydanticCustomError("decimal_too_large", "is too large")
        if number != number.quantize(step, rounding=ROUND_HALF_UP):
            raise PydanticCustomError("decimal_places", "must have at most {places} decimal places", {"places": places})
        return number.quantize(step)

    return parse


def _format(places: int) -> Callable[[Decimal], str]:
    return lambda value: f"{value:.{places}f}"


def _decimal_input_schema(places: int, maximum: Decimal, example: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": rf"^\d+(\.\d{{1,{places}}})?$"},
                {"type": "number", "exclusiveMinimum": 0, "maximum": float(maximum)},
            ],
            "description": f"Greater than 0, at most {places} decimal places; a string or a number",
            "examples": [example],
        },
        mode="validation",
    )


Money = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal(2)),
    Field(gt=0, le=MAX_MONEY),
    _decimal_input_schema(2, MAX_MONEY, "45.00"),
    PlainSerializer(_format(2), return_type=str, when_used="json"),
]
"""A positive amount with at most two decimal places; accepted as a string or number, sent as "45.00"."""

MoneyOut = Annotated[Decimal, PlainSerializer(_format(2), return_type=str, when_used="json")]
"""An amount in a response (may be zero or negative, e.g. what remains of a budget)."""

Litres = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal(2)),
    Field(gt=0, le=MAX_LITRES),
    _decimal_input_schema(2, MAX_LITRES, "52.30"),
    PlainSerializer(_format(2), return_type=str, when_used="json"),
]
PricePerLitre = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal(3)),
    Field(gt=0, le=MAX_PRICE_PER_LITRE),
    _decimal_input_schema(3, MAX_PRICE_PER_LITRE, "1.959"),
    PlainSerializer(_format(3), return_type=str, when_used="json"),
]

LitresOut = Annotated[Decimal, PlainSerializer(_format(2), return_type=str, when_used="json")]
PricePerLitreOut = Annotated[Decimal, PlainSerializer(_format(3), return_type=str, when_used="json")]

Timestamp = Annotated[dt.datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json")]
"""An aware datetime sent as ISO 8601 with a numeric offset."""


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "must not contain NUL characters")
    return value


Str = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_no_nul)]
"""Text with surrounding whitespace trimmed and no NUL characters (which PostgreSQL cannot store).

Lengths are set per field with `Field`."""


def _category(value: str) -> str:
    category = normalise_category(value)
    if category is None:
        raise PydanticCustomError(
            "category",
            "unknown category '{value}'; use one of {choices}",
            {"value": value, "choices": ", ".join(CATEGORIES)},
        )
    return category


Category = Annotated[
    str,
    AfterValidator(_category),
    Field(
        description=f"One of {', '.join(CATEGORIES)}; synonyms such as gas (fuel) or supermarket (groceries) are accepted"
    ),
]
"""A canonical expense category; synonyms such as "gas" or "supermarket" are accepted."""


def _currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise PydanticCustomError("currency", "must be a 3-letter ISO 4217 code such as AUD")
    return code


Currency = Annotated[str, AfterValidator(_currency), Field(examples=["AUD"])]


@lru_cache
def timezone_names() -> frozenset[str]:
    """The IANA time zone names this system knows."""
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name not in _NOT_ZONES and not name.startswith(("posix/", "right/"))
    )


def _timezone(value: str) -> str:
    name = value.strip()
    if name not in timezone_names():
        raise PydanticCustomError("timezone", "must be an IANA time zone name such as Australia/Sydney")
    return name


TimeZoneName = Annotated[str, AfterValidator(_timezone), Field(examples=["Australia/Sydney"])]


class Schema(BaseModel):
    """Base of every request and response schema."""

    model_config = ConfigDict(from_attributes=True)


class Patch(Schema):
    """A partial update: only the fields sent change; `null` only where a field may be empty."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _reject_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise PydanticCustomError("not_null", "may not be null")
        return value

    def changes(self) -> dict[str, Any]:
        """The fields the client sent."""
        return self.model_dump(exclude_unset=True)


class Page(Schema, Generic[T]):
    """One page of a collection and the number of matches overall."""

    items: list[T]
    total: int

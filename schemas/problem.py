from marshmallow import fields

from schemas.base import DumpSchema


class ProblemSchema(DumpSchema):
    """RFC 9457 problem details, as every 4xx and 5xx answer carries them."""

    type = fields.String(metadata={"example": "about:blank"})
    title = fields.String(metadata={"example": "Not Found"})
    status = fields.Integer(metadata={"example": 404})
    detail = fields.String(
        metadata={
            "description": "For developers, in English; not for showing to people.",
            "example": "You are not paired with a partner.",
        }
    )
    code = fields.String(
        metadata={
            "description": "Stable machine-readable code. Each answer's documentation lists "
            "the codes it can carry; a client treats a code it does not know by its status.",
            "example": "not_paired",
        }
    )
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={
            "optional": True,
            "description": "Present on validation errors (422): field -> messages",
            "example": {"energy": ["Must be between 1 and 10."]},
        },
    )

from marshmallow import Schema, fields


class ProblemSchema(Schema):
    """RFC 9457 problem details, as every 4xx and 5xx answer carries them."""

    type = fields.String(metadata={"example": "about:blank"})
    title = fields.String(metadata={"example": "Unprocessable Content"})
    status = fields.Integer(metadata={"example": 422})
    detail = fields.String(metadata={"example": "energy: Must be between 1 and 10."})
    code = fields.String(
        metadata={"description": "Stable machine-readable code", "example": "validation_error"}
    )
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Present on validation errors: field -> messages"},
    )

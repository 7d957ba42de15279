from dataclasses import asdict
from typing import Any

from flask.views import MethodView

from api.http.language import texts_for_people
from api.http.openapi import ApiBlueprint
from models.vocabulary import vocabulary
from schemas.vocabulary import VocabularySchema

blp = ApiBlueprint(
    "vocabulary", __name__, description="The tones, needs and response kinds the app renders."
)


@blp.route("/vocabulary")
class Vocabulary(MethodView):
    @blp.response(200, VocabularySchema)
    def get(self) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Tones (with their pleasantness), needs and response kinds, for the app's pickers."""
        body = {
            group: [
                {key: value for key, value in asdict(entry).items() if value is not None}
                for entry in entries
            ]
            for group, entries in vocabulary(texts_for_people()).items()
        }
        # The same for everyone and rarely changed: the app may cache it.
        return body, 200, {"Cache-Control": "public, max-age=3600"}

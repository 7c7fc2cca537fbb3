"""ResponseSelector's label → response-key lookup as a dict built once, instead of a scan of every response for
every label.

Rasa 3.6 resolves each label of the ranking by walking all responses (`_resolve_intent_response_key`), so a full
ranking over our 87 answers costs ~7,700 comparisons per message — ~4 ms, a tenth of a turn. The answer selector
needs the full ranking (`ranking_length: 0`), so the lookup is indexed instead. Same result: the first response key
(in the selector's order) whose key or one of whose texts equals the label. Imported by bot.components.
answer_selector, which is loaded with the model wherever the ResponseSelector runs.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data import util

_rasa_resolve = ResponseSelector._resolve_intent_response_key


def response_key_index(responses: Dict[Text, Any]) -> Dict[Text, Text]:
    """Label name → response key, first match in `responses` order winning, as Rasa's scan decides."""
    index: Dict[Text, Text] = {}
    for key, variations in responses.items():
        search_key = util.template_key_to_intent_response_key(key)
        index.setdefault(search_key, search_key)
        for variation in variations:
            index.setdefault(variation.get(TEXT, ""), search_key)
    return index


def _indexed_resolve(self: ResponseSelector, label: Dict[Text, Optional[Text]]) -> Optional[Text]:
    """Rasa's `_resolve_intent_response_key`, from an index kept with the responses it was built from."""
    cached = getattr(self, "_bot_response_key_index", None)
    if cached is None or cached[0] is not self.responses:
        cached = (self.responses, response_key_index(self.responses))
        self._bot_response_key_index = cached
    return cached[1].get(label.get("name"))  # type: ignore[arg-type]


ResponseSelector._resolve_intent_response_key = _indexed_resolve

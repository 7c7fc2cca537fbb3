"""Two tracker operations that Rasa 3.6 repeats over the whole conversation several times per message, made
incremental so that a turn at 200 costs what it costs at 10.

- `DialogueStateTracker.applied_events()` folds every event of the session into the applied ones (undoing reverted
  turns). Rasa's processor calls it for the session check and the latest-user-message lookup, and the windowed
  policies once per prediction. Events are only ever appended, so the fold is kept with the tracker and extended by
  the new events; anything else — another deque, a first event dropped, a new form name that changes how earlier
  events count — recomputes it with Rasa's own method.
- `DialogueStateTracker.copy()` replays every event into a new tracker; the processor makes one before each action
  it runs. The copy here takes the state that replay would rebuild (a tracker's state must equal the replay of its
  events — Rasa's own invariant) directly: events, slot values and the few fields events set.

tests/bot/components/test_incremental_tracker.py checks both against Rasa's originals on generated conversations
with reverts, restarts, sessions and forms; the model tests check prediction equality over long conversations.
Imported by bot.components.windowed_policies, which is loaded with the model in every Rasa server.
"""

from __future__ import annotations

import copy as _copy
import itertools
from typing import Any, List, Optional

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

def types_of(event_class: type) -> frozenset:
    """The class and its subclasses, for `type(event) in …` checks: Event is an ABC, so isinstance() goes through
    ABCMeta and costs several times more — which counts in loops over a whole conversation."""
    from rasa.shared.utils.common import all_subclasses

    return frozenset({event_class, *all_subclasses(event_class)})


rasa_applied_events = DialogueStateTracker.applied_events
rasa_copy = DialogueStateTracker.copy

_MEMO = "_bot_applied_events_memo"


def _fold(tracker: DialogueStateTracker, applied: List[Event], events: Any, loop_names: List[str]) -> List[Event]:
    """Rasa's applied_events loop body, applied to `events` on top of `applied`."""
    for event in events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    return applied


def incremental_applied_events(self: DialogueStateTracker) -> List[Event]:
    """Same list as Rasa's applied_events, extending the previous result when only new events were appended."""
    events = self.events
    count = len(events)
    memo: Optional[tuple] = getattr(self, _MEMO, None)
    if count and memo is not None:
        deque_seen, seen, first, last, loop_names, applied = memo
        if deque_seen is events and seen <= count and events[0] is first and events[seen - 1] is last:
            new = list(itertools.islice(events, seen, None))
            if not any(isinstance(e, ActiveLoop) and e.name and e.name not in loop_names for e in new):
                applied = _fold(self, list(applied), new, list(loop_names))
                setattr(self, _MEMO, (events, count, first, events[count - 1], loop_names, applied))
                return list(applied)
    applied = rasa_applied_events(self)
    if count:
        loop_names = frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)
        setattr(self, _MEMO, (events, count, events[0], events[count - 1], loop_names, list(applied)))
    return applied


def state_copy(self: DialogueStateTracker) -> DialogueStateTracker:
    """The tracker Rasa's copy() would build by replaying every event, built from the current state."""
    new = self.init_copy()  # same sender, slot definitions, history limit and rule flag; slots reset
    new.events = new._create_events(list(self.events))
    for name, slot in self.slots.items():
        target = new.slots.get(name)
        if target is None:  # an AnySlotDict tracker creates slots as they are set
            target = new.slots[name] = _copy.copy(slot)
        target._value = slot._value
        target._has_been_set = slot._has_been_set
    new._paused = self._paused
    new.followup_action = self.followup_action
    new.latest_action = _copy.copy(self.latest_action)
    new.latest_message = self.latest_message
    new.latest_bot_utterance = self.latest_bot_utterance
    new.active_loop = _copy.copy(self.active_loop)
    return new


DialogueStateTracker.applied_events = incremental_applied_events
DialogueStateTracker.copy = state_copy

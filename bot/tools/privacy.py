"""`python -m bot.tools.privacy`: delete one conversation, or purge conversations older than N days.

  python -m bot.tools.privacy delete <conversation id> [--profile default|scale]
  python -m bot.tools.privacy purge --days 30 [--profile default|scale]

The profile picks the store as `make run` does (SQLite file, or PostgreSQL from the DB_* environment variables).
Safe to run while the assistant is serving: a deleted conversation is reloaded from the database (gone) on its next
message.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from bot import profiles
from bot.privacy import delete_conversation, purge_older_than


def open_store(profile: str) -> object:
    """The profile's SQL tracker store."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    config = dict(profiles.endpoints(profile, "http://127.0.0.1:5055/webhook")["tracker_store"])
    config["url"] = config.pop("url", None)
    return TrackerStore.create(EndpointConfig(**config), Domain.empty())


def main(argv: Optional[List[str]] = None) -> int:
    """Run the chosen command and print what it did."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", default=os.environ.get("PROFILE") or "default", choices=profiles.PROFILES)
    commands = parser.add_subparsers(dest="command", required=True)
    delete = commands.add_parser("delete", help="delete one conversation (every session)")
    delete.add_argument("conversation_id")
    purge = commands.add_parser("purge", help="delete conversations whose last message is older than --days")
    purge.add_argument("--days", type=float, required=True)
    args = parser.parse_args(argv)
    store = open_store(args.profile)
    if args.command == "delete":
        count = delete_conversation(store, args.conversation_id)
        print(f"Deleted {count} events of conversation {args.conversation_id!r}." if count else "No such conversation.")
    else:
        if args.days < 0:
            parser.error("--days must be 0 or more")
        removed = purge_older_than(store, args.days)
        print(f"Purged {len(removed)} conversation(s) with no message in the last {args.days:g} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

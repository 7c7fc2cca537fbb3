"""Scale-out profile: 2 replicas behind nginx, sharing PostgreSQL and a Redis lock store.

50 conversations × 20 turns, sent interleaved and concurrently; one replica is stopped mid-run and clients retry
(same message_id) through nginx. Every message must get exactly one answer and every stored conversation must hold
each user message exactly once (a reverted copy aside), in order, each followed by the bot's reply.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from typing import Dict, List

import aiohttp
import pytest
import redis

from bot.channels.rest import rest_token
from bot.tools.replicas import start_cluster
from bot.tools.serve import free_port
from tests.conftest import MODEL_PATH

pytestmark = pytest.mark.model

CONVERSATIONS = 50
TURNS = 20
TEXTS = [
    "hi", "what is clonazepam", "can klonopin make you dizzy", "how long does withdrawal last",
    "when does withdrawal start", "is stopping cold turkey dangerous", "what is a partial hospitalization program",
    "what is intensive outpatient", "tell me about aftercare", "what is SMART Recovery", "does CBT help",
    "can you overdose on clonazepam", "what are the signs of addiction", "how does klonopin work",
    "what is the half life of clonazepam", "how long is rehab", "what is social detox", "is klonopin addictive",
    "what are the long term effects", "thanks, bye",
]


AUTH = {"Authorization": f"Bearer {rest_token()}"}


async def converse(session: aiohttp.ClientSession, url: str, sender: str, sent: List[str], answers: Dict[str, int]) -> None:
    for turn in range(TURNS):
        message_id = f"{sender}-{turn}"
        body = {"sender": sender, "message": TEXTS[turn], "message_id": message_id}
        for attempt in range(30):
            try:
                async with session.post(url, json=body, headers=AUTH, timeout=aiohttp.ClientTimeout(total=60)) as reply:
                    if reply.status == 200:
                        messages = await reply.json()
                        answers[message_id] = len(messages)
                        sent.append(message_id)
                        break
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.5)
        else:
            raise AssertionError(f"{message_id} was never answered")


@pytest.fixture()
def isolated_stores():
    database = f"benzo_test_{uuid.uuid4().hex[:8]}"
    prefix = f"benzotest{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DB_NAME": database, "REDIS_KEY_PREFIX": prefix}
    # One test client sends 1,000 messages from one address: the per-address limit is not what is tested here.
    saved_limit = os.environ.get("RATE_LIMIT_PER_IP")
    os.environ["RATE_LIMIT_PER_IP"] = "0"
    yield env
    if saved_limit is None:
        os.environ.pop("RATE_LIMIT_PER_IP", None)
    else:
        os.environ["RATE_LIMIT_PER_IP"] = saved_limit
    import psycopg2

    connection = psycopg2.connect(host=env.get("DB_HOST", "127.0.0.1"), user=env.get("DB_USER", "postgres"), dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    connection.close()
    client = redis.Redis(host=env.get("REDIS_HOST", "127.0.0.1"))
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_two_replicas_lose_nothing_when_one_stops_mid_run(isolated_stores) -> None:
    port = free_port()
    cluster = start_cluster(str(MODEL_PATH), 2, port, isolated_stores)
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    sent: Dict[str, List[str]] = {f"replica-{index}": [] for index in range(CONVERSATIONS)}
    answers: Dict[str, int] = {}

    async def run() -> None:
        async with aiohttp.ClientSession() as session:
            tasks = [asyncio.create_task(converse(session, url, sender, sent[sender], answers)) for sender in sent]
            while len(answers) < CONVERSATIONS * TURNS // 2:
                await asyncio.sleep(0.2)
            await asyncio.get_running_loop().run_in_executor(None, cluster.stop_replica, next(iter(cluster.replicas)))
            await asyncio.gather(*tasks)

    try:
        asyncio.run(run())
    finally:
        cluster.stop()
    assert len(answers) == CONVERSATIONS * TURNS
    assert all(count >= 1 for count in answers.values())

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import BotUttered, UserUttered, UserUtteranceReverted

    store = SQLTrackerStore(dialect="postgresql", host="127.0.0.1", db=isolated_stores["DB_NAME"], username=isolated_stores.get("DB_USER", "postgres"))

    async def check() -> None:
        for sender, message_ids in sent.items():
            tracker = await store.retrieve_full_tracker(sender)
            # The conversation as the user had it: a message the two-stage fallback took as a rephrase is
            # reverted and logged again under the same id, so a reverted copy is not counted.
            user_ids: List[str] = []
            replied: List[bool] = []
            for event in tracker.events:
                if isinstance(event, UserUttered):
                    user_ids.append(event.message_id)
                    replied.append(False)
                elif isinstance(event, UserUtteranceReverted) and user_ids:
                    user_ids.pop()
                    replied.pop()
                elif isinstance(event, BotUttered) and replied:
                    replied[-1] = True
            assert user_ids == message_ids == [f"{sender}-{turn}" for turn in range(TURNS)], sender
            assert all(replied), sender

    asyncio.run(check())

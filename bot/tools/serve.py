"""`python -m bot.tools.serve`: start the action server and Rasa, say how to chat, stop both on Ctrl-C."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from bot import profiles
from bot.channels.rest import rest_token
from bot.sources import PROJECT_ROOT

PYTHON = sys.executable
RASA = str(Path(sys.executable).with_name("rasa"))


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(host: str, port: int, process: subprocess.Popen, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def _wait_for_rasa(url: str, process: subprocess.Popen, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def endpoints_file(actions_port: int, profile: str = "default", environ: Optional[Dict[str, str]] = None) -> str:
    """The profile's endpoints (bot.profiles) with the action server's port, as a temporary file."""
    return profiles.write_endpoints(profile, f"http://127.0.0.1:{actions_port}/webhook", environ)


TELEGRAM_ENV = ("TELEGRAM_ACCESS_TOKEN", "TELEGRAM_SECRET_TOKEN")


def credentials_file() -> str:
    """credentials.yml, plus the Telegram channel when its environment variables are set."""
    text = (PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8")
    if all(os.environ.get(name) for name in TELEGRAM_ENV):
        text += "\nbot.channels.telegram.SecureTelegramInput:\n"
        print("Telegram: on (webhook /webhooks/telegram/webhook).", flush=True)
    else:
        print("Telegram: off — set TELEGRAM_ACCESS_TOKEN and TELEGRAM_SECRET_TOKEN (and TELEGRAM_WEBHOOK_URL) to turn it on.", flush=True)
    handle = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8")
    handle.write(text)
    handle.close()
    return handle.name


def start_action_server(port: int) -> subprocess.Popen:
    """The rasa_sdk action server for actions/ on 127.0.0.1:port."""
    process = subprocess.Popen(
        [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)], cwd=PROJECT_ROOT
    )
    if not _wait_for_port("127.0.0.1", port, process, 60):
        process.kill()
        sys.exit(f"The action server did not start on port {port} (is the port in use?).")
    return process


def start_rasa(
    model: str,
    host: str,
    port: int,
    endpoints: str,
    credentials: str = "credentials.yml",
    wait_seconds: float = 180,
    cwd: Optional[Path] = None,
    extra_env: Optional[Dict[str, str]] = None,
    log_path: Optional[Path] = None,
) -> subprocess.Popen:
    """`rasa run` with the configured channels on host:port; returns once it answers HTTP.

    Rasa's HTTP API (trackers, models, conversations) stays off unless RASA_API_TOKEN is set; then it is on and
    every call needs that token. Request bodies over MAX_BODY_BYTES (default 128 KiB) are refused with 413.
    """
    command = [
        RASA, "run", "--model", model, "--endpoints", endpoints, "--credentials", credentials,
        "--interface", host, "--port", str(port),
    ]
    api_token = os.environ.get("RASA_API_TOKEN")
    if api_token:
        command += ["--enable-api", "--auth-token", api_token]
    environment = {
        **os.environ,
        "SANIC_REQUEST_MAX_SIZE": os.environ.get("MAX_BODY_BYTES") or str(128 * 1024),
        **(extra_env or {}),
    }
    log = open(log_path, "ab") if log_path else None  # noqa: SIM115 — the child process keeps it open
    process = subprocess.Popen(command, cwd=cwd or PROJECT_ROOT, env=environment, stdout=log, stderr=log)
    if not _wait_for_rasa(f"http://{host}:{port}/", process, wait_seconds):
        process.kill()
        sys.exit(f"Rasa did not start on http://{host}:{port} (is the port in use?).")
    return process


def stop(processes: List[Optional[subprocess.Popen]]) -> None:
    """Terminate processes, then kill what does not exit in 15 s."""
    for process in processes:
        if process and process.poll() is None:
            process.terminate()
    for process in processes:
        if process:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def main(argv: Optional[List[str]] = None) -> int:
    """Run the assistant (REST on host:port) or a terminal chat (--shell)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument("--model", default="models/assistant.tar.gz")
    parser.add_argument("--shell", action="store_true", help="chat in this terminal instead of serving REST")
    parser.add_argument("--profile", default=os.environ.get("PROFILE") or "default", choices=profiles.PROFILES)
    args = parser.parse_args(argv)

    actions = start_action_server(args.actions_port)
    endpoints = endpoints_file(args.actions_port, args.profile)
    rasa: Optional[subprocess.Popen] = None
    credentials: Optional[str] = None
    signal.signal(signal.SIGTERM, lambda *_: (stop([rasa, actions]), sys.exit(0)))
    try:
        if args.shell:
            rasa = subprocess.Popen(
                [RASA, "shell", "--model", args.model, "--endpoints", endpoints, "--port", str(free_port())],
                cwd=PROJECT_ROOT,
            )
            return rasa.wait()
        credentials = credentials_file()
        rest_token()  # created now, so the command printed below works
        rasa = start_rasa(args.model, args.host, args.port, endpoints, credentials)
        base = f"http://{args.host}:{args.port}"
        print(
            f"\nThe assistant is running on {base} (profile: {args.profile}).\n"
            f"  Website widget demo:  {base}/widget/\n"
            f"  Chat over REST (server-to-server; the token is REST_TOKEN or var/rest_token):\n"
            f"    curl -s -X POST {base}/webhooks/rest/webhook -H 'Content-Type: application/json' "
            f"-H \"Authorization: Bearer {'$REST_TOKEN' if os.environ.get('REST_TOKEN') else '$(cat var/rest_token)'}\" "
            "-d '{\"sender\": \"me\", \"message\": \"How long does Klonopin withdrawal last?\"}'\n"
            "  Chat in a terminal instead:  make shell\n"
            "  Stop: Ctrl-C\n",
            flush=True,
        )
        return rasa.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop([rasa, actions])
        for path in (endpoints, credentials):
            if path:
                os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())

"""`python -m bot.tools.replicas`: N Rasa replicas on the scale-out profile behind nginx, plus the action server.

The replicas share conversations through PostgreSQL and take turns on each conversation through the Redis lock
store (bot/profiles.py). nginx (Debian's package, configured here) listens on one port:
  - REST and pages: round robin; a request that fails to reach a replica (or gets a 502) is passed to the next
    one, which is safe because the REST channel answers a retried `message_id` from the stored conversation;
  - the widget's socket.io: sticky by client address, with WebSocket upgrades.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.tools.serve import credentials_file, endpoints_file, free_port, start_action_server, start_rasa, stop

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_config(listen_port: int, replica_ports: List[int], prefix: Path) -> str:
    """An nginx.conf for the replicas, self-contained under `prefix`."""
    servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;" for port in replica_ports)
    temp = {name: prefix / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(parents=True, exist_ok=True)
    return f"""worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {temp['client_body']};
  proxy_temp_path {temp['proxy']};
  fastcgi_temp_path {temp['fastcgi']};
  uwsgi_temp_path {temp['uwsgi']};
  scgi_temp_path {temp['scgi']};
  client_max_body_size 256k;
  upstream rasa {{
{servers}
    keepalive 64;
  }}
  upstream rasa_sticky {{
    ip_hash;
{servers}
  }}
  server {{
    listen 127.0.0.1:{listen_port};
    location /widget/socket.io {{
      proxy_pass http://rasa_sticky;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host $host;
      proxy_read_timeout 3600s;
    }}
    location / {{
      proxy_pass http://rasa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_read_timeout 60s;
    }}
  }}
}}
"""


@dataclass
class Cluster:
    """A running set of replicas behind nginx."""

    port: int
    replicas: Dict[int, subprocess.Popen]
    actions: subprocess.Popen
    nginx: subprocess.Popen
    files: List[str] = field(default_factory=list)
    prefix: Optional[Path] = None

    def stop_replica(self, port: int) -> None:
        """Stop one replica gracefully (it finishes what it is handling)."""
        stop([self.replicas[port]])

    def stop(self) -> None:
        stop([self.nginx, *self.replicas.values(), self.actions])
        for path in self.files:
            if os.path.exists(path):
                os.unlink(path)
        if self.prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)


def start_cluster(model: str, replicas: int, port: int, environ: Optional[Dict[str, str]] = None) -> Cluster:
    """Start the action server, `replicas` Rasa servers on the scale profile, and nginx on `port`."""
    if not os.access(NGINX, os.X_OK):  # checked first: a missing nginx once left started replicas running
        sys.exit(f"nginx is not installed ({NGINX}): run `make nginx`.")
    actions_port = free_port()
    actions = start_action_server(actions_port)
    endpoints = endpoints_file(actions_port, "scale", environ)
    credentials = credentials_file()
    ports = [free_port() for _ in range(replicas)]
    processes: Dict[int, subprocess.Popen] = {}
    for replica_port in ports:
        # Behind nginx: the client address (for per-address rate limits) is the one nginx puts in X-Forwarded-For.
        processes[replica_port] = start_rasa(
            model, "127.0.0.1", replica_port, endpoints, credentials, extra_env={"SANIC_PROXIES_COUNT": "1"}
        )
    prefix = Path(tempfile.mkdtemp(prefix="benzo-nginx-"))
    (prefix / "nginx.conf").write_text(nginx_config(port, ports, prefix))
    nginx = subprocess.Popen([NGINX, "-c", str(prefix / "nginx.conf"), "-p", str(prefix)])
    time.sleep(0.5)
    if nginx.poll() is not None:
        stop([*processes.values(), actions])
        sys.exit(f"nginx did not start: see {prefix}/error.log")
    return Cluster(port, processes, actions, nginx, [endpoints, credentials], prefix)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the replicas until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--model", default="models/assistant.tar.gz")
    args = parser.parse_args(argv)
    cluster = start_cluster(args.model, args.replicas, args.port)
    signal.signal(signal.SIGTERM, lambda *_: (cluster.stop(), sys.exit(0)))
    print(
        f"\n{args.replicas} replicas (PostgreSQL + Redis) behind nginx on http://127.0.0.1:{args.port}.\n"
        f"  Replica ports: {', '.join(map(str, cluster.replicas))}.  Stop: Ctrl-C\n",
        flush=True,
    )
    try:
        cluster.nginx.wait()
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

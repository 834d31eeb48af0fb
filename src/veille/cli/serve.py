"""``veille serve``: the REST API and the web UI over a store, with uvicorn."""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Annotated

import typer

from veille.cli import app, err
from veille.cli.queries import DEFAULT_DB, Db
from veille.errors import VeilleError

MAX_BODY_MB = 5


@app.command("serve")
def serve_command(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="VEILLE_TOKEN",
            help="Require 'Authorization: Bearer TOKEN' on every call (env VEILLE_TOKEN).",
        ),
    ] = None,
    max_body: Annotated[
        float, typer.Option(min=0.001, help="Largest request body accepted, in MB.")
    ] = MAX_BODY_MB,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web UI over a store; the store is
    created if it does not exist yet. Ctrl-C stops the server.

    Example: veille serve --db veille.duckdb --port 8000
    """
    import uvicorn

    from veille.api import Settings, create_app
    from veille.store import open_store

    if not Path(db).exists():
        open_store(db).close()
        err.print(f"created an empty store at {db}", markup=False)
    else:  # fail now, in one line, on a file that is not a store
        open_store(db, read_only=True, wait=10).close()
    settings = Settings(db=db, host=host, token=token, max_body=int(max_body * 1024 * 1024))
    if not settings.loopback and not token:
        err.print(
            f"warning: listening on {host} without a token: anyone who reaches it reads the "
            "store; storing (?store=true) is refused. Give --token to allow it.",
            markup=False,
        )
    _check_port(host, port)
    err.print(f"veille serving {db} on http://{host}:{port}/ (API docs at /docs)", markup=False)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "already in use" if exc.errno == errno.EADDRINUSE else exc.strerror
            raise VeilleError(f"{host}:{port}: cannot listen there ({reason})") from None

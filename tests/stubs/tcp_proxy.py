"""A TCP forwarder standing in for a load balancer: one listening address, several backends, switchable.

    with TcpProxy(("127.0.0.2", 8000), {"a": ("127.0.0.3", 8000), "b": ("127.0.0.4", 8000)}, "a") as proxy:
        ...
        proxy.switch_to("b")  # drops every open connection; new ones go to b

New connections go to the current backend. `switch_to` and `cut` abort the open connections on both
sides (as a failed worker or a balancer's reset would), so a browser's websocket drops and reconnects
through the proxy. A backend that refuses a connection gets the client's connection closed. A backend
address of None stands for a host that stopped answering: connections are accepted and never answered.
`freeze` makes the backend fall silent mid-conversation: open connections stay open, but nothing
more passes either way (a hung server, or a network path dropping packets), and new ones get no answer.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from types import TracebackType

Address = tuple[str, int]
Backend = Address | None  # None: accept and stay silent
CHUNK = 64 * 1024


class TcpProxy:
    """Forward connections on `listen` to `backends[current]`, in an event loop on its own thread."""

    def __init__(self, listen: Address, backends: dict[str, Backend], current: str) -> None:
        if current not in backends:
            raise ValueError(f"unknown backend {current!r}")
        self.listen = listen
        self.backends = dict(backends)
        self._current = current
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tcp-proxy", daemon=True)
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._frozen = False
        self._silenced: set[asyncio.StreamWriter] = set()  # writers of connections frozen mid-conversation
        self.connections: Counter[str] = Counter()  # connections forwarded, per backend name

    @property
    def current(self) -> str:
        """The backend new connections go to."""
        with self._lock:
            return self._current

    def start(self) -> TcpProxy:
        """Listen (raises if the address is taken) and start forwarding."""
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._accept, *self.listen))
        return self

    def stop(self) -> None:
        """Stop listening, drop every connection and end the thread."""
        if self._server is not None:
            self._call(self._close(self._server))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def switch_to(self, name: str) -> None:
        """Send new connections to backend `name` and drop the open ones, so clients reconnect there."""
        if name not in self.backends:
            raise ValueError(f"unknown backend {name!r}")
        with self._lock:
            self._current = name
        self.cut()

    def cut(self) -> None:
        """Drop every open connection (both sides) without changing the backend."""
        self._call(self._abort_all())

    def freeze(self) -> None:
        """From now on nothing passes on the open connections, which stay open; new ones get no answer."""
        self._call(self._set_frozen(True))

    def thaw(self) -> None:
        """New connections are forwarded again (those frozen stay silent until their ends close them)."""
        self._call(self._set_frozen(False))

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def _call(self, coroutine):  # noqa: ANN001, ANN202 - runs a coroutine on the proxy's loop and waits
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _close(self, server: asyncio.Server) -> None:
        # On the loop's thread: closing from another races the server's own bookkeeping as connections end.
        server.close()
        await self._abort_all()
        forwarding = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in forwarding:
            task.cancel()
        await asyncio.gather(*forwarding, return_exceptions=True)

    async def _set_frozen(self, frozen: bool) -> None:
        # On the loop's thread, like every other use of the connection sets.
        self._frozen = frozen
        if frozen:
            self._silenced.update(self._open)

    async def _abort_all(self) -> None:
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        name = self.current
        address = None if self._frozen else self.backends[name]
        if address is None:
            await self._stay_silent(client_reader, client_writer)
            return
        try:
            backend_reader, backend_writer = await asyncio.open_connection(*address)
        except OSError:
            client_writer.transport.abort()
            return
        self.connections[name] += 1
        self._open.update((client_writer, backend_writer))
        await asyncio.gather(
            self._pipe(client_reader, backend_writer),
            self._pipe(backend_reader, client_writer),
        )
        for writer in (client_writer, backend_writer):
            self._open.discard(writer)
            self._silenced.discard(writer)
            writer.transport.abort()

    async def _stay_silent(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            while await reader.read(CHUNK):
                pass
        except (ConnectionError, OSError):
            pass
        self._open.discard(writer)
        writer.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(CHUNK):
                if writer in self._silenced:
                    continue  # swallowed: the other end hears nothing, and its socket stays open
                writer.write(data)
                await writer.drain()
            if writer.can_write_eof() and writer not in self._silenced:
                writer.write_eof()
        except (ConnectionError, OSError):
            writer.transport.abort()

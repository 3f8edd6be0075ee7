"""A TCP forwarder a test puts between the app and PostgreSQL or Redis, to break the link.

    link = Forwarder(("127.0.0.1", 5432))   # the app connects to 127.0.0.1:link.port
    link.cut()      # every connection is reset, and each new one as soon as it is accepted
    link.hang()     # connections are dropped (as a restarting server drops them); new ones
                    # are accepted and never answered, so only the client's timeouts end them
    link.restore()  # forwarded again
    link.close()

Threads: one accepts, two pump each forwarded connection; at most MAX_LINKS connections are
open at once (more are reset), and close() ends them all.
"""

import socket
import struct
import threading

MAX_LINKS = 128
RESET = struct.pack("ii", 1, 0)  # SO_LINGER on with a 0 s timeout: close() sends RST


def reset(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RD)  # wakes a pump blocked in recv() without telling the peer
    except OSError:
        pass
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
    except OSError:
        pass
    sock.close()


class Forwarder:
    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.mode = "forward"
        self.lock = threading.Lock()
        self.open: set[socket.socket] = set()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:  # closed
                return
            with self.lock:
                if self.mode == "cut" or len(self.open) >= MAX_LINKS:
                    reset(client)
                    continue
                self.open.add(client)
                if self.mode == "hang":
                    continue  # held open, never read, never answered
            self.forward(client)

    def forward(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.target, timeout=2)
        except OSError:
            self.drop(client)
            return
        upstream.settimeout(None)
        with self.lock:
            self.open.add(upstream)
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    def pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        self.drop(source, sink)

    def drop(self, *socks: socket.socket) -> None:
        with self.lock:
            for sock in socks:
                if sock in self.open:
                    self.open.discard(sock)
                    reset(sock)

    def reset_all(self) -> None:
        with self.lock:
            socks, self.open = self.open, set()
        for sock in socks:
            reset(sock)

    def cut(self) -> None:
        with self.lock:
            self.mode = "cut"
        self.reset_all()

    def hang(self) -> None:
        with self.lock:
            self.mode = "hang"
        self.reset_all()

    def restore(self) -> None:
        with self.lock:
            held = self.mode == "hang"
            self.mode = "forward"
        if held:
            self.reset_all()  # the connections held silent; their clients gave up long ago

    def close(self) -> None:
        self.server.close()
        self.cut()

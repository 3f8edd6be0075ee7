"""The shipped nginx config (deploy/nginx.conf.template), rendered and run for real."""

import shutil
import signal
import socket
import string
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render(variables: dict[str, str]) -> str:
    """What `envsubst '$KB_LISTEN …'` makes of the template: only the KB_ variables."""
    return string.Template(TEMPLATE.read_text()).safe_substitute(variables)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str


def fetch(url: str, **headers: str) -> Answer:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Answer(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read().decode())


class Nginx:
    """nginx in the foreground on a free port, everything it writes in its own folder (readable
    by the unprivileged worker user when the tests run as root)."""

    def __init__(self, upstream: str):
        self.run_dir = Path(tempfile.mkdtemp(prefix="kb-nginx-"))
        self.static_root = self.run_dir / "static"
        (self.static_root / "errors").mkdir(parents=True)
        (self.run_dir / "media").mkdir()
        shutil.copy(ROOT / "static" / "errors" / "50x.html", self.static_root / "errors")
        for folder in (self.run_dir, self.static_root, self.static_root / "errors"):
            folder.chmod(0o755)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.conf = self.run_dir / "nginx.conf"
        self.configure(upstream)
        self.process = subprocess.Popen(
            [NGINX, "-e", str(self.run_dir / "error.log"), "-p", str(self.run_dir)]
            + ["-c", str(self.conf), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode())
            time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def configure(self, upstream: str) -> None:
        self.conf.write_text(
            render(
                {
                    "KB_LISTEN": f"127.0.0.1:{self.port}",
                    "KB_UPSTREAM": upstream,
                    "KB_STATIC_ROOT": str(self.static_root),
                    "KB_MEDIA_ROOT": str(self.run_dir / "media"),
                    "KB_RUN_DIR": str(self.run_dir),
                }
            )
        )

    def reload(self, upstream: str) -> None:
        self.configure(upstream)
        self.process.send_signal(signal.SIGHUP)

    def access_log(self) -> str:
        """The access log as written so far (USR1 makes nginx write out its buffer)."""
        self.process.send_signal(signal.SIGUSR1)
        log = self.run_dir / "access.log"
        deadline = time.monotonic() + 5
        while not (log.exists() and log.stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.3)
        return log.read_text(encoding="utf-8") if log.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.run_dir, ignore_errors=True)

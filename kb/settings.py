"""Settings for 信用债务知识库, read from environment variables only (README: Configuration).

Defaults run `make run` on a fresh checkout; with DJANGO_DEBUG off, a missing DJANGO_SECRET_KEY
or DJANGO_ALLOWED_HOSTS stops startup.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"{name} must be one of 1/0/true/false/yes/no/on/off: {raw!r}")
    return raw.strip().lower() in _TRUE


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required when DJANGO_DEBUG is off")

SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    "simple_history",
    "axes",
    "csp",
    "kb.core",
    "kb.laws",
    "kb.articles",
    "kb.guide",
    "kb.search",
    "kb.rates",
    "kb.letters",
    "kb.editorial",
    "kb.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 for every page, cached or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the header, gzip and 繁體 middleware: a page is stored with its headers, already
    # compressed and converted, so a hit skips that work (kb/core/pagecache.py).
    "kb.core.pagecache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "kb.core.security.SecurityHeadersMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "kb.core.hant.HantMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so its process_exception sees a view's database outage first (a 503 page).
    "kb.core.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "kb.urls"
WSGI_APPLICATION = "kb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kb.core.context_processors.site",
            ],
        },
    }
]

# PostgreSQL only (README explains each): prepared statements, and bounds so a hung database costs
# a request seconds (a 503, kb/core/outage.py), not a worker.
DATABASE_PREPARE_THRESHOLD = env_int("DATABASE_PREPARE_THRESHOLD", 5)
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5000)
DATABASE_JIT = env_bool("DATABASE_JIT", False)


def database(url: str) -> dict:
    config = dj_database_url.parse(
        url,
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=env_bool("DJANGO_CONN_HEALTH_CHECKS", True),
    )
    if config["ENGINE"] != "django.db.backends.postgresql":
        return config
    options = config.setdefault("OPTIONS", {})
    if DATABASE_PREPARE_THRESHOLD > 0:
        options.update(server_side_binding=True, prepare_threshold=DATABASE_PREPARE_THRESHOLD)
    if DATABASE_CONNECT_TIMEOUT > 0:
        options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    server = [] if DATABASE_JIT else ["-c jit=off"]
    if DATABASE_STATEMENT_TIMEOUT_MS > 0:
        server.append(f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}")
    if server:
        options["options"] = " ".join(server)
    return config


DATABASES = {
    "default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if replica := os.environ.get("DATABASE_REPLICA_URL"):  # tests mirror it onto the primary
    DATABASES["replica"] = database(replica) | {"TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["kb.core.dbrouter.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}Validator"}
    for name in ("UserAttributeSimilarity", "MinimumLength", "CommonPassword", "Numeric")
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:  # no collectstatic needed
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_MAX_AGE = 31536000

REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that does not answer is a cache miss, not an error (kb/core/redis_cache.py), and
# costs a request at most REDIS_TIMEOUT_MS.
REDIS_TIMEOUT_SECONDS = env_int("REDIS_TIMEOUT_MS", 500) / 1000
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "kb.core.redis_cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            # Several sites (or test runs) can share one Redis database under their own prefix.
            "KEY_PREFIX": os.environ.get("REDIS_KEY_PREFIX", "kb"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages (kb/core/pagecache.py) live in each process's memory: a hit then costs one round
# trip (the content version, from Redis or the database), not three. nginx in front shares
# pages between processes and servers.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Whole-page cache for anonymous readers (kb/core/pagecache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Part of every page's cache key: a new value per deploy (a commit id) retires old pages.
KB_DEPLOY_ID = os.environ.get("KB_DEPLOY_ID", "")

MARKDOWNX_MARKDOWNIFY_FUNCTION = "kb.articles.rendering.markdownify"
MARKDOWNX_UPLOAD_MAX_SIZE = 5 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
MARKDOWNX_MEDIA_PATH = "uploads/"

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") or "admin"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_CLIENT_IP_CALLABLE = "kb.core.ratelimit.client_address"  # the proxy's entry, behind a proxy

REVIEW_MAX_AGE_DAYS = env_int("REVIEW_MAX_AGE_DAYS", 180)
RATELIMIT_ENABLED = env_bool("DJANGO_RATELIMIT", True)
RATELIMIT_SEARCH_PER_MINUTE = env_int("RATELIMIT_SEARCH_PER_MINUTE", 60)

# Django's defaults already send nosniff, X-Frame-Options: DENY and COOP: same-origin.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Without DJANGO_SECURE_SSL_REDIRECT the TLS proxy in front redirects to HTTPS.
SILENCED_SYSTEM_CHECKS = [] if DEBUG or SECURE_SSL_REDIRECT else ["security.W008"]

# No inline scripts or styles anywhere, admin included.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

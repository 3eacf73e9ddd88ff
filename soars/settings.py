"""SOARS settings. Every value comes from the environment; see .env.example.

SOARS_ENV picks the defaults: "production" (the default: safe, strict),
"development" (make run) or "test" (set automatically under pytest).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from soars.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

SOARS_ENV = env_str("SOARS_ENV", "test" if "PYTEST_VERSION" in os.environ else "production")
if SOARS_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(f"SOARS_ENV must be production, development or test, not {SOARS_ENV!r}")
PRODUCTION = SOARS_ENV == "production"
TESTING = SOARS_ENV == "test"

DEBUG = env_bool("DEBUG", SOARS_ENV == "development")
DEMO_MODE = env_bool("SOARS_DEMO", SOARS_ENV == "development")

DATA_DIR = Path(env_str("SOARS_DATA_DIR", str(BASE_DIR / "var"))).resolve()
if not PRODUCTION:
    DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production (see .env.example).")
    SECRET_KEY = "insecure-development-key-never-used-in-production-" + SOARS_ENV

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The address people see, used in emailed links. Unset, it is where `manage.py runsite` (make run)
# listens: runsite sets it for itself and the worker and scheduler it starts.
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "SOARS"

INSTALLED_APPS = [
    "soars.core.apps.SoarsAdminConfig",  # Django's admin behind SOARS's sign-in (password and code)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "ninja",  # the API's docs page and its assets, served by the site (no CDN)
    "soars.core",
    "soars.audit",
    "soars.accounts",
    "soars.administration",
    "soars.opportunities",
    "soars.resumes",
    "soars.search",
    "soars.saved_searches",
    "soars.vocabulary",
    "soars.places",
    "soars.matching",
    "soars.directory",
    "soars.diversity",
    "soars.development",
    "soars.metrics",
    "soars.api",
    "django.forms",
]

# Forms render as USWDS markup with errors linked to their fields.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "soars.core.replicas.ReplicaMiddleware",  # does nothing without DATABASE_REPLICA_URLS
    "soars.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "soars.accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "soars.core.access.AccessMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "soars.urls"
WSGI_APPLICATION = "soars.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "soars.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in WAL mode under DATA_DIR unless DATABASE_URL says otherwise.
_default_db = f"sqlite:///{DATA_DIR / 'soars.sqlite3'}"
# Connections are kept for a minute and checked before each request reuses one, so a restarted
# PostgreSQL costs the requests made while it is down, not every request after.
DATABASES = {
    "default": dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE avoids "database is locked" when the web process and the
        # worker both upgrade a read transaction to a write.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # mmap: reads come straight from the operating system's page cache instead of being
        # copied into each connection's own small cache (search pages read hundreds of MB).
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000; "
            "PRAGMA mmap_size=4294967296;"
        ),
    }
# Read replicas (PostgreSQL streaming replicas of DATABASE_URL): web requests read from them while
# they can, writes and task workers use the primary (soars/core/replicas.py, docs/deploy.md).
REPLICA_DATABASES = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=60, conn_health_checks=True)
    DATABASES[f"replica{_number}"] = {**_replica, "TEST": {"MIRROR": "default"}}
    REPLICA_DATABASES.append(f"replica{_number}")
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 10, minimum=0)  # reads from the primary after a write
if REPLICA_DATABASES:
    DATABASE_ROUTERS = ["soars.core.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "local" is this process's own memory: where a rate limit counts while the shared cache is unreachable.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # django-redis, told to ignore a lost connection: a read misses, a write is dropped, so pages still
    # serve while Redis is down. Sessions live in the database and are only cached here (cached_db).
    CACHES["default"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "email"],
    }
}

# Email: files under DATA_DIR/mail unless EMAIL_URL names an SMTP server.
EMAIL_URL = env_str("EMAIL_URL")
if EMAIL_URL:
    vars().update(dj_email_url.parse(EMAIL_URL))
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
else:
    EMAIL_BACKEND = "soars.core.mail_backends.FileAndConsoleBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SOARS <no-reply@soars.example.gov>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "soars-help@soars.example.gov")
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 10, minimum=1)
# A delivery silent this long was cut off (its worker killed) and is sent again (core.recover_stalled_email).
EMAIL_STALLED_AFTER_SECONDS = env_int("EMAIL_STALLED_AFTER_SECONDS", 15 * 60, minimum=1)

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "core:home"
# NIST SP 800-63B: length, not composition; SOARS, the person's name and email do not count towards
# the length; repeated and sequential strings and commonly used or stolen passwords are refused.
PASSWORD_MIN_LENGTH = 15
PASSWORD_MAX_LENGTH = 128  # well above the 64 the standard asks us to accept
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {
        "NAME": "soars.accounts.password_validation.ContextWordsValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "soars.accounts.password_validation.PatternValidator"},
    {"NAME": "soars.accounts.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out account and address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The client's address is REMOTE_ADDR unless this many reverse proxies of our own stand in front of
# the site, each appending to X-Forwarded-For (soars.audit.log.client_ip; docs/accounts.md).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures the account-and-address
# pair is locked for AXES_COOLOFF_MINUTES, then unlocks by itself; after LOGIN_FAILURE_LIMIT_PER_IP
# failures over any accounts, the whole address is (soars.accounts.throttling).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_FAILURE_LIMIT_PER_IP = env_int("LOGIN_FAILURE_LIMIT_PER_IP", 50, minimum=1)
AXES_HANDLER = "soars.accounts.throttling.LoginThrottle"
AXES_CLIENT_IP_CALLABLE = "soars.audit.log.client_ip"
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form field (and credential) that holds the email
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "token", "otp_token"]

# Multi-factor sign-in (django-otp, TOTP with one-time recovery codes).
OTP_TOTP_ISSUER = "SOARS"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # never show a device's key or QR code in Django's admin
MFA_RECOVERY_CODES = 10

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_ABSOLUTE_HOURS after sign-in.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 12, minimum=1)

# Access requests.
ALLOWED_EMAIL_DOMAINS = [d.lower() for d in env_list("ALLOWED_EMAIL_DOMAINS", [".gov", ".mil"])]
ACCESS_REQUEST_RATE_LIMIT_PER_HOUR = env_int("ACCESS_REQUEST_RATE_LIMIT_PER_HOUR", 3, minimum=1)
ONE_TIME_LINK_HOURS = env_int("ONE_TIME_LINK_HOURS", 72, minimum=1)
PASSWORD_RESET_RATE_LIMIT_PER_HOUR = env_int("PASSWORD_RESET_RATE_LIMIT_PER_HOUR", 3, minimum=1)
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if TESTING
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher", "django.contrib.auth.hashers.ScryptPasswordHasher"]
)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded files: on this machine's disk (MEDIA_ROOT) unless an S3-compatible bucket is named.
# Credentials come from boto3's usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# machine's role); files stay private and are served only by permission-checked views.
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,  # for a store other than Amazon's
            "region_name": env_str("S3_REGION") or None,
            "location": env_str("S3_PREFIX"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"  # never routed: uploaded files are served only by permission-checked views

ADMIN_PATH = env_str("ADMIN_PATH", "site-admin/").strip("/") + "/"

# The API (/api/v1/): calls a minute per token (or signed-in user), and the largest JSON body taken.
API_RATE_LIMIT_PER_MINUTE = env_int("API_RATE_LIMIT_PER_MINUTE", 120, minimum=1)
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", 256 * 1024, minimum=1024)
# Django's admin is off in production unless asked for; /manage/ covers the daily work.
ADMIN_ENABLED = env_bool("ADMIN_ENABLED", not PRODUCTION)

# Public Burden Statement. The OMB control number is shown as "pending" until set.
OMB_CONTROL_NUMBER = env_str("OMB_CONTROL_NUMBER")
BURDEN_MINUTES_ACCESS_REQUEST = env_int("BURDEN_MINUTES_ACCESS_REQUEST", 10, minimum=1)
BURDEN_MINUTES_RESUME = env_int("BURDEN_MINUTES_RESUME", 60, minimum=1)
BURDEN_MINUTES_OPPORTUNITY = env_int("BURDEN_MINUTES_OPPORTUNITY", 30, minimum=1)
BURDEN_COMMENTS_ADDRESS = env_str(
    "BURDEN_COMMENTS_ADDRESS",
    "U.S. Office of Personnel Management, SOARS Program Office, 1900 E Street NW, Washington, DC 20415",
)

# Contact Us abuse limits: messages per sender email address per hour, and per client (network)
# address per hour, whatever the sender; higher, as one office may send from one address.
CONTACT_RATE_LIMIT_PER_HOUR = env_int("CONTACT_RATE_LIMIT_PER_HOUR", 3, minimum=1)
CONTACT_RATE_LIMIT_PER_IP_PER_HOUR = env_int("CONTACT_RATE_LIMIT_PER_IP_PER_HOUR", 20, minimum=1)

# Security headers. Strict unless running on a developer's machine or in tests.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 60 * 60  # both limits are enforced by SessionTimeoutMiddleware
# Browser features no page of SOARS uses, switched off for every page (PermissionsPolicyMiddleware).
# Only names Chromium recognises: it reports an unknown one as an error in the console.
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Request lines carry query strings; keep them out of the logs so that
        # tokens in one-time links are never written down.
        "django.server": {"level": "WARNING"},
        # Every sign-in attempt is in the audit trail; axes would also log what was typed as the
        # username (sometimes a password typed into the wrong field).
        "axes": {"level": "ERROR"},
    },
}

"""Haven's one settings module, configured from the environment only.

HAVEN_DATABASE_URL  sqlite:///path or postgres://user:password@host/name
                    (default: SQLite under var/)
HAVEN_SECRET_KEY    signing key (default: a random key kept in var/secret_key)
HAVEN_JOURNAL_KEY   key sealing the journal's chain
                    (default: a random key kept in var/journal_key)
HAVEN_JOURNAL_CHECKPOINT_DIR  where checkpoint_journal writes signed stream heads
                    (default: var/checkpoints)
HAVEN_DEBUG         true only on a developer's machine (default: false)
HAVEN_ALLOWED_HOSTS comma-separated host names (default: 127.0.0.1,localhost)
HAVEN_HTTPS         whether the site is served over HTTPS (default: the opposite of
                    HAVEN_DEBUG); the local demo sets it to false
HAVEN_LA_CODE       the authority's 3-digit DfE local authority number
HAVEN_AREA_CODES    comma-separated ONS codes of the local authority districts that
                    make up the authority's area (a unitary authority has one, a
                    county one a district), for "in or out of area" of a placement
HAVEN_REQUIRE_MFA   every member of staff must set up an authenticator app
                    (default: true); the local demo sets it to false
HAVEN_COMPARISONS_FILE  a CSV of the council's own published figures to compare
                    (statistical neighbours, region), the columns of
                    haven/reporting/comparisons/national.csv (default: none)
"""

from pathlib import Path
from typing import Any

import dj_database_url

from haven.core.config import (
    env_bool,
    env_choice,
    env_int,
    env_la_code,
    env_list,
    env_path,
    env_str,
    journal_key,
    secret_key,
)
from haven.documents.storage import document_storage

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("HAVEN_DEBUG", default=False)
SECRET_KEY = secret_key(VAR_DIR)
HAVEN_JOURNAL_KEY = journal_key(VAR_DIR)
# Somewhere the database's user cannot write: see README, "the journal's key".
HAVEN_JOURNAL_CHECKPOINT_DIR = env_path(
    "HAVEN_JOURNAL_CHECKPOINT_DIR", VAR_DIR / "checkpoints"
)
ALLOWED_HOSTS = env_list("HAVEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
HTTPS = env_bool("HAVEN_HTTPS", default=not DEBUG)

INSTALLED_APPS = [
    "haven.core.admin_site.HavenAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "haven.core",
    "haven.people",
    "haven.timescales",
    "haven.frontdoor",
    "haven.earlyhelp",
    "haven.assessments",
    "haven.cin",
    "haven.protection",
    "haven.care",
    "haven.finance",
    "haven.send",
    "haven.pathways",
    "haven.casework",
    "haven.documents",
    "haven.disclosure",
    "haven.notifications",
    "haven.returns",
    "haven.reporting",
    "haven.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "haven.core.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "haven.core.no_store.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "haven.core.idle.IdleTimeoutMiddleware",
    "haven.core.mfa.MultiFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "haven.core.refusals.RefusalMiddleware",
]

ROOT_URLCONF = "haven.urls"
WSGI_APPLICATION = "haven.wsgi.application"

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
                "haven.core.context_processors.shell",
                "haven.notifications.context_processors.header",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url: dict[str, Any] = dj_database_url.config(  # type: ignore[assignment]
        env="HAVEN_DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'haven.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
    if url["ENGINE"] == "django.db.backends.sqlite3":
        url["ENGINE"] = "haven.core.db.sqlite3"
        # WAL lets pages read while a write commits; synchronous=FULL makes every
        # acknowledged commit survive a power cut, not only a crash of the process.
        url["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
            ),
            "transaction_mode": "IMMEDIATE",
        }
        url["CONN_MAX_AGE"] = 0
        url["CONN_HEALTH_CHECKS"] = False
    elif url["ENGINE"] == "django.db.backends.postgresql":
        # No JIT: its compile costs more than any of Haven's queries (a queue's
        # access check of a few hundred children planned as "costly" took 170
        # ms to compile and 3 ms to run). Work for reports is not done per page.
        options = url.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return url


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (haven/core/signin.py): the first backend refuses a locked
# username or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "haven.core.signin.ThrottlingBackend",
    "haven.core.permission_backend.RoleBackend",
]
HAVEN_SIGN_IN_FAILURES_PER_USERNAME = env_int(
    "HAVEN_SIGN_IN_FAILURES_PER_USERNAME", 5, minimum=1
)
HAVEN_SIGN_IN_FAILURES_PER_ADDRESS = env_int(
    "HAVEN_SIGN_IN_FAILURES_PER_ADDRESS", 30, minimum=1
)
HAVEN_SIGN_IN_WINDOW_MINUTES = env_int("HAVEN_SIGN_IN_WINDOW_MINUTES", 15, minimum=1)
HAVEN_SIGN_IN_LOCKOUT_MINUTES = env_int("HAVEN_SIGN_IN_LOCKOUT_MINUTES", 15, minimum=1)
# How many proxies in front of Haven add to X-Forwarded-For (0: none, the
# client's own address is the connection's).
HAVEN_TRUSTED_PROXIES = env_int("HAVEN_TRUSTED_PROXIES", 0)
# Multi-factor authentication (haven/core/mfa.py): a code from an authenticator
# app after the password. Required of everyone unless switched off (the demo);
# when off, staff may still set up an app and are then asked for its codes.
HAVEN_REQUIRE_MFA = env_bool("HAVEN_REQUIRE_MFA", default=True)
# Compare every reuse of a user's shared access rules with a fresh build
# (haven/core/shared_rules.py): on in the test suite, off in service.
HAVEN_CHECK_SHARED_ACCESS_RULES = env_bool(
    "HAVEN_CHECK_SHARED_ACCESS_RULES", default=False
)
OTP_TOTP_ISSUER = "Haven"
# Wrong codes count towards the sign-in lockout above; django-otp's own delays
# after a wrong code would be a second, different limit.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Belt and braces: the devices are not in the admin at all (haven/core/admin.py).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# GOV.UK Frontend's stylesheet asks for its fonts and images under /assets/, so the
# static URL is /assets/ and the npm packages' asset folders sit at its root.
STATIC_URL = "/assets/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "build" / "frontend"]
# Documents on children's records (haven/documents) are kept through Django's
# storage API: files under HAVEN_MEDIA_ROOT (outside the static files, never
# served by URL), or an S3-compatible object store (django-storages). There is
# no MEDIA_URL: every download goes through a view that checks access and logs.
HAVEN_MEDIA_ROOT = env_path("HAVEN_MEDIA_ROOT", VAR_DIR / "media")
MEDIA_ROOT = HAVEN_MEDIA_ROOT
HAVEN_DOCUMENT_STORAGE = env_choice("HAVEN_DOCUMENT_STORAGE", ("filesystem", "s3"))
HAVEN_DOCUMENT_MAX_MB = env_int("HAVEN_DOCUMENT_MAX_MB", 20, minimum=1)
STORAGES = {
    "default": document_storage(HAVEN_DOCUMENT_STORAGE, HAVEN_MEDIA_ROOT),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
HAVEN_IDLE_TIMEOUT_MINUTES = env_int("HAVEN_IDLE_TIMEOUT_MINUTES", 30, minimum=1)

# The performance dashboard's panels are kept once worked out (local
# practice: how stale a figure may be), in Django's cache. The file cache is
# shared by every worker process on a server and needs no service of its own.
HAVEN_DASHBOARD_FRESH_MINUTES = env_int("HAVEN_DASHBOARD_FRESH_MINUTES", 15, minimum=1)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
    }
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Haven API",
    "DESCRIPTION": "Children's social care case management: the REST API.",
    "VERSION": "0.1.0",
    # Served from Haven's own static files: the machines reach no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The council's name, shown in the header of every page and on exports.
HAVEN_LOCAL_AUTHORITY_NAME = env_str(
    "HAVEN_LOCAL_AUTHORITY_NAME", "Haven Demonstration Council"
)
# Where the council publishes its local offer for care leavers (Children and
# Social Work Act 2017 s2): shown on each care leaver's page. Unset, it says so.
HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL = env_str("HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL", "")
# The birthday staying close runs to at the latest. Staying put's is the law's
# (21, Children Act 1989 s23CZA); staying close's is not settled in law that
# Haven can cite (VERIFY), so it is the council's, shown with the refusal.
HAVEN_STAYING_CLOSE_UNTIL_AGE = env_int("HAVEN_STAYING_CLOSE_UNTIL_AGE", 21, minimum=18)
# Local policy: how many days before a payment run's period its adjustments
# look back (arrears, recoveries, rate differences). A year by default: far
# enough for a rate agreed late in the financial year or a placement recorded
# months late, near enough that providers are not met with old claims; the law
# allows longer (a debt may be recovered for six years, Limitation Act 1980 s5).
HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS = env_int(
    "HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS", 365
)
# The DfE local authority number (3 digits): the LEA in the CIN census header.
HAVEN_LA_CODE = env_la_code("HAVEN_LA_CODE")
# SEN2 (haven/send/sen2/census.py): a council's census day for a year the DfE
# list in Haven lacks or has changed, as YEAR=YYYY-MM-DD pairs, comma-separated.
HAVEN_SEN2_CENSUS_DATES = dict(
    item.split("=", 1) for item in env_list("HAVEN_SEN2_CENSUS_DATES", [])
)
# SEN2's header: whether a designated medical officer, designated clinical
# officer and designated social care officer are in post (Y, N, or R for a
# vacancy being recruited to). Y unless the council says otherwise: check it.
HAVEN_SEN2_DMO = env_choice("HAVEN_SEN2_DMO", ("y", "n", "r")).upper()
HAVEN_SEN2_DCO = env_choice("HAVEN_SEN2_DCO", ("y", "n", "r")).upper()
HAVEN_SEN2_DSCO = env_choice("HAVEN_SEN2_DSCO", ("y", "n", "r")).upper()
# The ONS district codes of the authority's area: a placement whose district is
# one of them is in area (the SSDA903's PL_LOCATION). Unset, no placement is
# said to be in or out of area.
HAVEN_AREA_CODES = [code.upper() for code in env_list("HAVEN_AREA_CODES", [])]
# Where the public DfE validators' own virtual environment is made on first use
# (haven/returns/validators/env.py): they pin pandas < 2, kept apart from Haven's.
HAVEN_VALIDATORS_DIR = env_path("HAVEN_VALIDATORS_DIR", VAR_DIR / "validators")
# Local practice, not law: how long the worker and team who held a case that has
# ended (nobody holds it now) keep reading it to finish the write-up.
HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS = env_int("HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS", 7)
# Local practice, not DfE rules: refusals Haven adds to the census's own. Each
# message says so; recording history never meets them.
# Closing "after assessment" (RC8, RC9) once the child had a child in need plan
# (the census rules them out only after a section 47, ICPC or CP plan, rule 2990).
HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN = env_bool(
    "HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN", default=True
)
# Choosing an assessment factor the DfE has deprecated but still accepts with a
# query (18A and 19A in 2024-25: rules 8945Q and 8950Q).
HAVEN_REFUSE_DEPRECATED_FACTORS = env_bool(
    "HAVEN_REFUSE_DEPRECATED_FACTORS", default=True
)
# Local policy: how many records one user may open with break-glass in an hour.
# Reading many records without a relationship in a short time is how records are
# trawled; more than this needs a manager.
HAVEN_BREAK_GLASS_PER_HOUR = env_int("HAVEN_BREAK_GLASS_PER_HOUR", 5)
# Local policy: what the information governance report calls a burst, in one
# user's hour: this many refused reads, or this many break-glass uses.
HAVEN_DENIALS_BURST = env_int("HAVEN_DENIALS_BURST", 10)
HAVEN_BREAK_GLASS_BURST = env_int("HAVEN_BREAK_GLASS_BURST", 3)
# Local practice: the council's continuum of need, lowest first, as the front
# door grades each decision (haven.frontdoor.thresholds).
HAVEN_THRESHOLD_LEVELS = env_list(
    "HAVEN_THRESHOLD_LEVELS",
    [
        "Level 1: universal",
        "Level 2: early help",
        "Level 3: targeted",
        "Level 4: specialist (statutory)",
    ],
)
# Who is emailed when a burst happens: the information governance lead. Empty
# means every active user who may review access (and has an email address).
HAVEN_IG_LEAD_EMAILS = env_list("HAVEN_IG_LEAD_EMAILS", [])
# Where Haven is reached, for links in emails.
HAVEN_SITE_URL = env_str(
    "HAVEN_SITE_URL", f"{'https' if HTTPS else 'http'}://{ALLOWED_HOSTS[0]}"
).rstrip("/")
EMAIL_HOST = env_str("HAVEN_EMAIL_HOST", "localhost")
# Django's email backend: SMTP through HAVEN_EMAIL_HOST unless told otherwise
# (the demo prints its emails: django.core.mail.backends.console.EmailBackend).
EMAIL_BACKEND = env_str(
    "HAVEN_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# Email each new notification's recipient that there is one (never what it
# says): only where the council has a mail server (haven/notifications/mail.py).
HAVEN_NOTIFY_BY_EMAIL = env_bool("HAVEN_NOTIFY_BY_EMAIL", default=False)
DEFAULT_FROM_EMAIL = env_str("HAVEN_EMAIL_FROM", "haven@localhost")
# Local policy: bank details changed this many days or fewer before a payment run
# that pays the payee are flagged on the run (a known fraud pattern; no law sets it).
HAVEN_BANK_CHANGE_WARNING_DAYS = env_int(
    "HAVEN_BANK_CHANGE_WARNING_DAYS", 28, minimum=0
)

# Local practice: an open child in need episode with no work recorded on the
# child's record for this many months is listed on the data quality page (no
# statute or guidance sets it).
HAVEN_QUALITY_IDLE_MONTHS = env_int("HAVEN_QUALITY_IDLE_MONTHS", 6, minimum=1)

# The council's own comparison figures beside the DfE's national ones shipped
# with Haven (docs/performance.md): blank for none.
HAVEN_COMPARISONS_FILE = env_str("HAVEN_COMPARISONS_FILE", "")

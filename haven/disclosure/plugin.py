"""What subject access declares to the rest of Haven: its page, beside the
record's own pages under people/<pk>/."""

from haven.core.mounts import mount

mount("people/<int:pk>/", "haven.disclosure.urls")

"""What notifications declare to the rest of Haven: the list page, and the
journal listener that turns events into notifications (haven.notifications
.listeners reads their types as strings, so no app below knows of it)."""

from haven.core.journal import listen
from haven.core.mounts import mount
from haven.notifications import listeners

mount("notifications/", "haven.notifications.urls")
listen(listeners.notify)

"""Reads go to the replica (DATABASE_REPLICA_URL) except inside a transaction, so an editor
always reads what they just wrote; writes and migrations go to the primary."""

from django.conf import settings
from django.db import connections

REPLICA = "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if REPLICA in settings.DATABASES and not connections["default"].in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"

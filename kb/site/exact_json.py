"""A JSON serialization format that keeps times to the microsecond, for lossless backups.

Django's JSON encoder cuts datetimes and times to milliseconds, so a dumpdata/loaddata round
trip changes almost every timestamp (history dates, publication times). Registered as the
`exactjson` format in settings.SERIALIZATION_MODULES; its output is plain JSON that the normal
`json` deserializer reads back exactly.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


Deserializer = django_json.Deserializer

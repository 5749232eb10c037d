"""Path converters of the URL map, registered once on import (``<id:pk>``)."""

from django.urls import register_converter

from jixiao.web.bounds import IdConverter

register_converter(IdConverter, "id")

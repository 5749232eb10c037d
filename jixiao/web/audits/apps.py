from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "jixiao.web.audits"
    label = "audits"
    verbose_name = "自评复核"
    default_auto_field = "django.db.models.BigAutoField"

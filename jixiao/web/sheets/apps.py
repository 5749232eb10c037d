from django.apps import AppConfig


class SheetsConfig(AppConfig):
    name = "jixiao.web.sheets"
    label = "sheets"
    verbose_name = "绩效目标表"

    def ready(self) -> None:
        # Connects the receivers that count a unit's sheets again when one is saved or deleted.
        from jixiao.web.sheets.services import counts  # noqa: F401

from django.apps import AppConfig


class SheetsConfig(AppConfig):
    name = "jixiao.web.sheets"
    label = "sheets"
    verbose_name = "绩效目标表"

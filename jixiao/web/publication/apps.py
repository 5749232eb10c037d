from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "jixiao.web.publication"
    label = "publication"
    verbose_name = "预算绩效信息公开"

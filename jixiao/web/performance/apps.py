from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "jixiao.web.performance"
    label = "performance"
    verbose_name = "绩效运行监控与自评"

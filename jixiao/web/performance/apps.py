from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "jixiao.web.performance"
    label = "performance"
    verbose_name = "绩效运行监控与自评"

    def ready(self) -> None:
        # Connects the receivers that refresh a sheet's summary on approval and on edits.
        from jixiao.web.performance import summaries  # noqa: F401

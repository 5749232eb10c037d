from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "jixiao.web.security"
    label = "security"
    verbose_name = "安全与审计"

    def ready(self) -> None:
        from jixiao.web.security import signals  # noqa: F401  (connects the audit receivers)

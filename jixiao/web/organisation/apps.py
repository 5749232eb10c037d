from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "jixiao.web.organisation"
    label = "organisation"
    verbose_name = "单位与人员"

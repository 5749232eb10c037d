"""The public site at /public/ (stable URLs: bureau code, year, unit code; tables by number) and the bureau's
publication page at /publication/."""

from django.urls import include, path

from jixiao.web.publication.views import data, manage, public

app_name = "publication"

_public = [
    path("", public.index, name="index"),
    path("search/", public.search, name="search"),
    path("feed.atom", data.feed, name="feed"),
    path("table/<int:pk>/", public.table, name="table"),
    path("table/<int:pk>.<str:fmt>", public.table_download, name="table_download"),
    path("<str:bureau_code>/<str:year>/", public.bureau_year, name="bureau_year"),
    path("<str:bureau_code>/<str:year>/data.json", data.data_json, name="data_json"),
    path("<str:bureau_code>/<str:year>/datapackage.json", data.data_package, name="datapackage"),
    path("<str:bureau_code>/<str:year>/<str:name>.csv", data.data_csv, name="data_csv"),
    path("<str:bureau_code>/<str:year>/<str:unit_code>/", public.unit_year, name="unit_year"),
]

_manage = [
    path("", manage.manage, name="manage"),
    path("<int:pk>/publish/", manage.publish, name="publish"),
    path("<int:pk>/evaluation/", manage.publish_evaluation, name="publish_evaluation"),
    path("<int:pk>/withdraw/", manage.withdraw, name="withdraw"),
]

urlpatterns = [path("public/", include(_public)), path("publication/", include(_manage))]

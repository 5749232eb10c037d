"""Errors speak Chinese and offer a way back; /api/docs needs nothing from the internet."""


def test_a_missing_page_is_a_chinese_404_with_a_way_back(org, login):
    response = login(org["owner"]).get("/sheets/999999/")
    page = response.content.decode()
    assert response.status_code == 404 and "没有找到" in page and "回到绩效目标表" in page and "Not Found" not in page


def test_a_refusal_is_a_chinese_403_saying_why(org, login):
    response = login(org["owner"]).get("/sheets/dashboard/")
    page = response.content.decode()
    assert response.status_code == 403 and "审核概况仅供财政局审核人和管理员查看" in page and "回到绩效目标表" in page
    assert "Forbidden" not in page


def test_a_post_only_address_opened_by_a_link_is_a_chinese_405(org, sheet, login):
    response = login(org["owner"]).get(f"/sheets/{sheet.pk}/transition/approve/")
    page = response.content.decode()
    assert response.status_code == 405 and "不能直接打开" in page and "回到绩效目标表" in page
    assert "POST" in response["Allow"]


def test_a_server_error_is_a_chinese_500(org, login, settings):
    from django.urls import path

    from jixiao.web import urls

    def broken(request):
        raise RuntimeError("boom")
    settings.ROOT_URLCONF = type("Conf", (), {"urlpatterns": [path("broken/", broken), *urls.urlpatterns]})
    client = login(org["owner"])
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500 and "系统出错了" in response.content.decode()


def test_api_docs_load_swagger_from_local_static_files(org, login):
    page = login(org["owner"]).get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "/static/ninja/swagger-ui.css" in page
    assert "cdn." not in page and "https://" not in page.split("<body")[0]

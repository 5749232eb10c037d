"""Upload limits (issue 8, item 2): a request over JIXIAO_MAX_REQUEST_MB is refused before its body is read, by
Django and by waitress where ``jixiao serve`` runs it (under gunicorn: tests/cli/test_serve.py); a file over
JIXIAO_MAX_UPLOAD_MB and an archive with too many or too large members are refused with a Chinese message naming
the limit."""

from __future__ import annotations

import http.client
import io
import threading
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from waitress.server import create_server

from jixiao.cli.server import waitress_options
from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.services.imports import read_uploads
from jixiao.web.wsgi import application

HUGE = 200 * 1024 * 1024
BOUNDARY = "jixiao-test-boundary"


class LazyBody:
    """A multipart body of ``size`` bytes made on demand as it is read (never held whole); counts what was read."""

    def __init__(self, size: int) -> None:
        self.head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
                     "Content-Type: text/plain\r\n\r\n").encode()
        self.size, self.read_bytes = size, 0

    def read(self, n: int = -1) -> bytes:
        # Django's parser reads at most what it asks for; a refusal before reading asks for nothing.
        n = self.size - self.read_bytes if n < 0 else min(n, self.size - self.read_bytes)
        self.read_bytes += n
        return b"x" * n

    readline = read


@pytest.fixture
def api(org):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}")


@pytest.mark.parametrize("path", ["/api/sheets/check", "/api/sheets/import", "/sheets/import/"])
def test_a_200_mb_upload_is_refused_before_it_is_read(org, login, api, path):
    client = api if path.startswith("/api/") else login(org["owner"])
    body = LazyBody(HUGE)
    response = client.post(path, data=b"", content_type=f"multipart/form-data; boundary={BOUNDARY}",
                           CONTENT_LENGTH=str(HUGE), **{"wsgi.input": body})
    assert response.status_code == 413
    text = response.json()["detail"] if path.startswith("/api/") else response.content.decode()
    assert "超过了每次上传 50 MB 的上限" in text and "JIXIAO_MAX_REQUEST_MB" in text
    assert body.read_bytes == 0


def test_waitress_refuses_a_200_mb_body_without_receiving_it(db):
    server = create_server(application, **{**waitress_options("127.0.0.1", 0, 2), "port": 0})
    stop = threading.Event()

    def serve():  # waitress's own run() cannot be stopped from another thread
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=30)
        connection.putrequest("POST", "/api/sheets/check")
        connection.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
        connection.putheader("Content-Length", str(HUGE))
        connection.endheaders()
        head = LazyBody(HUGE).head
        connection.send(head)  # the server answers from the headers alone, without waiting for the rest
        response = connection.getresponse()
        assert response.status == 413 and len(head) < 1024
        connection.close()
    finally:
        stop.set()
        thread.join(timeout=10)
        server.close()


def test_a_file_over_the_per_file_limit_is_refused_unread(org, login, api, settings):
    settings.JIXIAO_MAX_UPLOAD_MB = 1
    big = b"x" * (1024 * 1024 + 1)
    by_api = api.post("/api/sheets/check", {"files": [SimpleUploadedFile("big.txt", big)]})
    assert by_api.status_code == 400
    assert by_api.json()["detail"] == "文件“big.txt”超过了单个文件 1 MB 的上限（JIXIAO_MAX_UPLOAD_MB），未读取"
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                                         "files": [SimpleUploadedFile("big.txt", big)]})
    assert page.status_code == 200 and "超过了单个文件 1 MB 的上限" in page.content.decode()


def test_a_large_json_body_is_refused_with_413(api, sheet):
    response = api.patch(f"/api/sheets/{sheet.pk}", b'{"version": 1, "fields": {"purpose": "' + b"x" * (6 << 20) + b'"}}',
                         content_type="application/json")
    assert response.status_code == 413 and "过大" in response.json()["detail"]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_with_too_many_members_is_refused_before_unpacking(settings):
    settings.JIXIAO_MAX_ZIP_MEMBERS = 3
    [read] = read_uploads([("many.zip", _zip({f"{n}.txt": b"x" for n in range(4)}))])
    assert read.error == "压缩包中有 4 个文件，超过了 3 个的上限（JIXIAO_MAX_ZIP_MEMBERS），未解压"


def test_a_zip_too_large_unpacked_is_refused_before_unpacking(settings):
    settings.JIXIAO_MAX_UNZIPPED_MB = 1
    data = _zip({"a.txt": b"0" * (700 * 1024), "b.txt": b"0" * (700 * 1024)})
    assert len(data) < 10_000  # a small upload
    [read] = read_uploads([("bomb.zip", data)])
    assert read.error == "压缩包解压后共 1.4 MB，超过了 1 MB 的上限（JIXIAO_MAX_UNZIPPED_MB），未解压"


def test_a_zip_member_over_the_per_file_limit_is_refused(settings):
    settings.JIXIAO_MAX_UPLOAD_MB = 1
    [read] = read_uploads([("one.zip", _zip({"big.txt": b"0" * (1024 * 1024 + 1)}))])
    assert read.error == "文件“one.zip/big.txt”超过了单个文件 1 MB 的上限（JIXIAO_MAX_UPLOAD_MB），未读取"


def test_a_damaged_zip_member_is_an_error_not_a_crash(sample_bytes):
    data = bytearray(_zip({"a.txt": sample_bytes}))
    at = data.index(b"a.txt") + len("a.txt") + 10  # inside the compressed data of the first member
    data[at] ^= 0xFF
    [read] = read_uploads([("broken.zip", bytes(data))])
    assert read.error.startswith("无法从压缩包中解压")

"""The shared hostile samples (../shared/hostile/) uploaded through the import page: each file is shown by name with
a Chinese reason it was refused, or read with its problems said, and the page never fails."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.documents.test_limits import EXPECTED, HOSTILE

# sample -> what the import page says of it (a refusal's reason, or a problem said of a file that was read)
SAID = {
    "bomb_tags_100m.docx": "部件 word/document.xml 解压后有 100 MB",
    "merge_full.xlsx": "合并了 A1:XFD1048576",
    "merge_mid.xlsx": "合并了 A1:ZZ20000",
    "crash-81374fb904-sample.pdf": "PDF 文件从第2页起已损坏",
    "crash-d7d99aa773-sample.pdf": "PDF 第1页已损坏",
}


def test_every_hostile_sample_has_what_it_says():
    assert SAID.keys() == EXPECTED.keys()


@pytest.mark.parametrize("name", sorted(SAID))
def test_a_hostile_upload_is_named_with_its_reason_in_the_preview(org, login, name):
    path = HOSTILE / name
    if not path.is_file():
        pytest.skip(f"hostile sample {path} is not on this machine")
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                                        "files": [SimpleUploadedFile(name, path.read_bytes())]})
    assert page.status_code == 200
    text = page.content.decode()
    assert name in text and SAID[name] in text

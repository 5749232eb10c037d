from jixiao.documents import read_bytes, read_path
from jixiao.documents.writers.json_writer import write_json
from jixiao.documents.writers.txt_writer import write_txt


def _comparable(document):
    return document.model_dump(exclude={"source"})


def test_sample_round_trips_through_the_tab_layout(sample_path):
    original = read_path(sample_path)
    again = read_bytes(write_txt(original), "again.txt")
    assert _comparable(again) == _comparable(original)
    assert again.diagnostics == []


def test_sample_round_trips_through_json(sample_path):
    original = read_path(sample_path)
    again = read_bytes(write_json(original), "again.json")
    assert _comparable(again) == _comparable(original)


def test_tab_layout_puts_later_paragraphs_on_lines_without_tab(sample_path):
    text = write_txt(read_path(sample_path)).decode("utf-8")
    assert "\t遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》\n" in text
    assert "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n" in text

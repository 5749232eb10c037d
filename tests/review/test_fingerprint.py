"""The fingerprint of a rule set names what produced a stored review: it changes with any rule's code or
severity and with the profile, and only then."""

from jixiao.model import Severity
from jixiao.review import by_code, fingerprint_release, jixiao_release, load_profile, ruleset_fingerprint


def test_the_fingerprint_is_stable_and_names_the_release():
    central = load_profile("central")
    fingerprint = ruleset_fingerprint(central)
    assert fingerprint == ruleset_fingerprint(load_profile("central"))
    assert fingerprint_release(fingerprint) == jixiao_release() != ""
    assert len(fingerprint.partition("/")[2]) == 16
    assert fingerprint_release("") == ""  # a review stored before fingerprints


def test_a_rules_severity_changes_the_fingerprint(monkeypatch):
    central = load_profile("central")
    before = ruleset_fingerprint(central)
    monkeypatch.setattr(type(by_code("JX103")), "severity", Severity.WARNING)
    after = ruleset_fingerprint(central)
    assert after != before and fingerprint_release(after) == fingerprint_release(before)


def test_a_rules_code_changes_the_fingerprint(monkeypatch):
    central = load_profile("central")
    before = ruleset_fingerprint(central)
    monkeypatch.setattr(type(by_code("JX103")), "code", "JX199")
    assert ruleset_fingerprint(central) != before


def test_the_profile_changes_the_fingerprint():
    central = load_profile("central")
    stricter = central.adjusted(severity={"JX104": Severity.ERROR})
    assert ruleset_fingerprint(stricter) != ruleset_fingerprint(central)
    assert ruleset_fingerprint(load_profile("county-example")) != ruleset_fingerprint(central)


def test_a_change_to_the_reviewing_code_changes_the_fingerprint(monkeypatch, tmp_path):
    # a rule's logic changes more often than its code, severity or message, and the release number stays
    from jixiao.model import fingerprint
    from jixiao.review.fingerprint import REVIEWING_PACKAGES

    for package in REVIEWING_PACKAGES:
        (tmp_path / package / "rules" / "__pycache__").mkdir(parents=True)
        (tmp_path / package / "rules" / "costs.py").write_text("LIMIT = 1\n")
    central = load_profile("central")
    real = fingerprint.resources.files
    monkeypatch.setattr(fingerprint.resources, "files", lambda package: (
        tmp_path / package if package in REVIEWING_PACKAGES else real(package)))

    def fresh():
        fingerprint.packages_digest.cache_clear()
        return ruleset_fingerprint(central)

    before = fresh()
    (tmp_path / "jixiao.review" / "rules" / "__pycache__" / "costs.cpython-311.pyc").write_bytes(b"\0")
    assert fresh() == before  # compiled files are not the code
    (tmp_path / "jixiao.model" / "rules" / "costs.py").write_text("LIMIT = 2\n")
    assert fresh() != before
    monkeypatch.undo()
    fingerprint.packages_digest.cache_clear()

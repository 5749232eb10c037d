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

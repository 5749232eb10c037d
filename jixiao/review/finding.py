"""Findings are a value of the model (:mod:`jixiao.model.finding`): the review rules and the self-evaluation audit
(:mod:`jixiao.scoring.audit`) report the same object. The review rules import it from here."""

from jixiao.model.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix, listed

__all__ = ["Applicability", "Confidence", "Dimension", "Edit", "Finding", "Fix", "listed"]

"""The authentication backend: Django's, with the signed-in user read together with its member record."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

__all__ = ["MemberBackend"]


class MemberBackend(ModelBackend):
    """Django's ``ModelBackend`` whose user of a request comes with its member record and unit in the same query,
    so that every page reads who is asking in one query (:func:`jixiao.web.organisation.selectors.member_get`)."""

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("member__unit").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

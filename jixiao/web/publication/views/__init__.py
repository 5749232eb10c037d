"""Views of publication: the public site (``public``), its open data (``data``) and the bureau's page (``manage``)."""

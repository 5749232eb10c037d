"""Business logic of goal sheets. Writes are ``<entity>_<action>`` functions, one transaction each."""

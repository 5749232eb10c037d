"""Security: login lockout, password rules, sessions, deployment behind HTTPS, and the security audit log."""

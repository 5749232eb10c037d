"""Background jobs: imports of many files, bureau-wide exports and audits, run by the django-tasks worker with
progress the user can watch, a result page and, for exports, the file kept in the database until downloaded."""

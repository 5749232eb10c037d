"""Publication (预算公开): approved goal tables and self-evaluation results, open to the public as pages and data."""

"""Rule families, one module each; registered in jixiao.review.registry."""

//! Ranking within peer groups and grading.

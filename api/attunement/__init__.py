"""The product's heart, in pure Python: no Flask, no SQLAlchemy, time passed in."""

"""Court proceedings and orders for a child, and the legal status that follows
from the orders: kinds.py (the lists), orders.py and proceedings.py (the
writes), implied.py (the order behind a legal status), section.py, views.py."""

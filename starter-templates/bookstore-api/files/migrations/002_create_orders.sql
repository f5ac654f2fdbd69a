-- Customers, their orders and the lines of each order.

CREATE TABLE customers (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email      text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One account per e-mail address, whatever its case. The unique index also serves look-ups by e-mail.
CREATE UNIQUE INDEX customers_email_unique ON customers (lower(email));

CREATE TABLE orders (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- ON DELETE RESTRICT: orders are financial records; a customer with orders cannot be deleted by accident.
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
  status      text NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'cancelled')),
  -- bigint: 50 lines of 100 copies at the top price is 5 000 000 000 cents, past integer's 2 147 483 647.
  total_cents bigint NOT NULL CHECK (total_cents >= 0),
  placed_at   timestamptz NOT NULL DEFAULT now()
);

-- Serves "the orders of customer 42, newest first" and the foreign key check when a customer is deleted.
CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);

CREATE TABLE order_items (
  -- ON DELETE CASCADE: an order line has no meaning without its order, so it goes with it.
  order_id         integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  -- ON DELETE RESTRICT: a book that was sold stays in the catalogue (mark it out of stock instead).
  book_id          integer NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  -- The price at the time of the order: later price changes must not rewrite old orders.
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  -- One line per book per order; the primary key's index also serves "the lines of order 9".
  PRIMARY KEY (order_id, book_id)
);

-- The primary key starts with order_id, so it cannot find "the lines that sold book 5". This index can,
-- and it keeps the foreign key check fast when a book is deleted.
CREATE INDEX order_items_book_id_idx ON order_items (book_id);

-- Deliberately missing: an index on orders (placed_at). The best-sellers report filters on it; finding
-- out what that costs, and fixing it, is the exercise in docs/query-plans.md.

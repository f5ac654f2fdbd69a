-- The catalogue: authors and their books.

CREATE TABLE authors (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE books (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- ON DELETE RESTRICT: deleting an author must not silently delete their books (and, through them,
  -- the history of orders). The API answers 409 instead; remove or reassign the books first.
  author_id      integer NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
  title          text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
  isbn           text NOT NULL UNIQUE CHECK (isbn ~ '^[0-9]{13}$'),
  price_cents    integer NOT NULL CHECK (price_cents >= 0),
  -- The CHECK is the last line of defence: even a buggy query can never sell stock that is not there.
  stock          integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  published_year integer CHECK (published_year BETWEEN 1450 AND 2100),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- PostgreSQL indexes the referenced side of a foreign key (authors.id) but not the referencing side.
-- Without this index, "books of author 7" and every DELETE FROM authors (which must look for books
-- that still point at the author) read the whole books table.
CREATE INDEX books_author_id_idx ON books (author_id);

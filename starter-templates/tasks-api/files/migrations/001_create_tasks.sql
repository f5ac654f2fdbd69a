-- Tasks: the one resource of this API.
CREATE TABLE tasks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text CHECK (char_length(description) <= 5000),
  status      text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
  due_date    date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Titles are unique whatever their case, so "Buy milk" and "buy milk" cannot both exist.
-- The API answers 409 Conflict when this index rejects a title.
CREATE UNIQUE INDEX tasks_title_unique ON tasks (lower(title));

-- GET /tasks lists the newest tasks first by default; this index serves that order
-- (id breaks ties so pages never overlap).
CREATE INDEX tasks_created_at_idx ON tasks (created_at DESC, id DESC);

-- Notes belong to one user. Every query filters by owner_id, so a user only ever sees their own.
CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Serves "the notes of user X" (every query) and the foreign key check when a user is deleted.
CREATE INDEX notes_owner_id_idx ON notes (owner_id);

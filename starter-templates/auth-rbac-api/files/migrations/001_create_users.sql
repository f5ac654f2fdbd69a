-- Users sign in with their e-mail address. Only the bcrypt hash of the password is stored.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- E-mail addresses are stored in lower case by the application; the constraint is the safety net.
  CONSTRAINT users_email_lower CHECK (email = lower(email)),
  CONSTRAINT users_email_unique UNIQUE (email)
);

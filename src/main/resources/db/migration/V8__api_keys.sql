-- Long-lived keys for scripts (issue 8): each stands for a user and a role until revoked. Only a SHA-256 of the
-- secret is kept: the secret is 256 random bits, so a slow password hash would add nothing but cost per request.
CREATE TABLE api_key (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    owner       text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    secret_hash bytea       NOT NULL CHECK (length(secret_hash) = 32),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

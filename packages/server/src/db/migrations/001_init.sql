-- jixiao workspace schema, version 1. Applied once, in one transaction, by migrate.ts.

CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('编辑', '审核', '只读')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- a session token is shown once; only its SHA-256 is kept
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- every write: who, when, what
CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

-- templates: one per jurisdiction, year and form; every save is a new version
CREATE TABLE templates (
  id serial PRIMARY KEY,
  region text NOT NULL,
  year int NOT NULL,
  form text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region, year, form)
);

CREATE TABLE template_versions (
  id serial PRIMARY KEY,
  template_id int NOT NULL REFERENCES templates (id),
  number int NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  source text NOT NULL,
  content_hash text NOT NULL,
  author text NOT NULL,
  note text NOT NULL DEFAULT '',
  based_on int REFERENCES template_versions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by text,
  UNIQUE (template_id, number)
);

-- A version's text never changes once written, and a published version not at all: the
-- database refuses it even if the application had a bug.
CREATE FUNCTION template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'published template version % is immutable', OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'published template version % is immutable', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF NEW.source IS DISTINCT FROM OLD.source OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.template_id IS DISTINCT FROM OLD.template_id OR NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'the text of template version % cannot change; save a new version', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER template_versions_immutable BEFORE UPDATE OR DELETE ON template_versions
  FOR EACH ROW EXECUTE FUNCTION template_versions_immutable();

-- the files of rules/ beside the templates: rule tests (tests/*.yaml), examples they
-- name, coverage.yaml; keyed by their path under rules/ (甘肃/2023/tests/部门整体支出.yaml)
CREATE TABLE rule_files (
  path text PRIMARY KEY,
  content bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

-- filings: one per jurisdiction, year, form and unit; a resubmission is a new revision
CREATE TABLE filings (
  id serial PRIMARY KEY,
  region text NOT NULL,
  year int NOT NULL,
  form text NOT NULL,
  unit text NOT NULL,
  latest_revision int,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region, year, form, unit)
);

CREATE TABLE filing_revisions (
  id serial PRIMARY KEY,
  filing_id int NOT NULL REFERENCES filings (id),
  number int NOT NULL,
  filename text NOT NULL,
  format text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL,
  model jsonb NOT NULL,
  diagnostics jsonb NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (filing_id, number)
);
ALTER TABLE filings ADD CONSTRAINT filings_latest FOREIGN KEY (latest_revision) REFERENCES filing_revisions (id);

-- runs: every filing of (region, year, form) scored under one template version
CREATE TABLE runs (
  id serial PRIMARY KEY,
  region text NOT NULL,
  year int NOT NULL,
  form text NOT NULL,
  template_version_id int NOT NULL REFERENCES template_versions (id),
  -- the template as resolved when the run was created (its text, file, the parents 继承
  -- found): every process scores with exactly this, whatever is published meanwhile
  template jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total int NOT NULL,
  done int NOT NULL DEFAULT 0,
  failed int NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  error jsonb
);

-- the work list of a run; a process claims items with FOR UPDATE SKIP LOCKED, so two
-- processes never score the same filing of a run
CREATE TABLE run_items (
  run_id int NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq int NOT NULL,
  filing_id int NOT NULL REFERENCES filings (id),
  revision_id int NOT NULL REFERENCES filing_revisions (id),
  state text NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
  claimed_by text,
  claimed_at timestamptz,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX run_items_pending ON run_items (run_id, seq) WHERE state = 'pending';
CREATE INDEX run_items_claimed ON run_items (claimed_by) WHERE state = 'claimed';

-- one report per filing of a run, written in the same transaction that marks its item done
CREATE TABLE reports (
  run_id int NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq int NOT NULL,
  filing_id int NOT NULL REFERENCES filings (id),
  revision_id int NOT NULL REFERENCES filing_revisions (id),
  unit text NOT NULL,
  total double precision,
  grade text,
  stated_total double precision,
  errors int NOT NULL DEFAULT 0,
  warnings int NOT NULL DEFAULT 0,
  codes text[] NOT NULL DEFAULT '{}',
  report jsonb,
  error jsonb,
  PRIMARY KEY (run_id, filing_id)
);
CREATE INDEX reports_seq ON reports (run_id, seq);
CREATE INDEX reports_codes ON reports USING gin (codes);

-- review of a finding of a report (no row: 待核实)
CREATE TABLE finding_reviews (
  run_id int NOT NULL,
  filing_id int NOT NULL,
  finding int NOT NULL,
  code text NOT NULL,
  status text NOT NULL CHECK (status IN ('待核实', '已退回', '已确认', '已忽略')),
  reason text NOT NULL DEFAULT '',
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, filing_id, finding),
  FOREIGN KEY (run_id, filing_id) REFERENCES reports (run_id, filing_id) ON DELETE CASCADE
);

CREATE TABLE comments (
  id serial PRIMARY KEY,
  run_id int NOT NULL,
  filing_id int NOT NULL,
  finding int,
  author text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (run_id, filing_id) REFERENCES reports (run_id, filing_id) ON DELETE CASCADE
);
CREATE INDEX comments_report ON comments (run_id, filing_id);

-- live server processes; each holds an advisory lock named by its id while it lives
CREATE TABLE instances (
  id text PRIMARY KEY,
  host text NOT NULL,
  pid int NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);

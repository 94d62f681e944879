-- Who may call: EPS and providers, their primary tokens (issued by an operator) and session tokens
-- (from GenerarToken). Tokens are stored only as SHA-256 hashes.
CREATE TABLE party (
  nit                 VARCHAR(20)  PRIMARY KEY,
  nombre              VARCHAR(200) NOT NULL,
  rol                 VARCHAR(10)  NOT NULL,
  codigo              VARCHAR(20),
  creado              TIMESTAMP    NOT NULL,
  -- GenerarToken lockout: failures counted in a window, then the NIT is locked until bloqueado_hasta_ms
  fallos              INT          NOT NULL DEFAULT 0,
  primer_fallo_ms     BIGINT       NOT NULL DEFAULT 0,
  bloqueado_hasta_ms  BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT party_rol CHECK (rol IN ('EPS', 'PROVEEDOR'))
);

CREATE SEQUENCE seq_primary_token START WITH 1;

CREATE TABLE primary_token (
  id          BIGINT      PRIMARY KEY,
  nit         VARCHAR(20) NOT NULL REFERENCES party (nit),
  token_hash  VARCHAR(64) NOT NULL UNIQUE,
  creado      TIMESTAMP   NOT NULL,
  revocado    TIMESTAMP
);
CREATE INDEX primary_token_nit ON primary_token (nit);

CREATE TABLE session_token (
  token_hash        VARCHAR(64) PRIMARY KEY,
  nit               VARCHAR(20) NOT NULL REFERENCES party (nit),
  primary_token_id  BIGINT      NOT NULL REFERENCES primary_token (id),
  expira_ms         BIGINT      NOT NULL
);
CREATE INDEX session_token_nit_expira ON session_token (nit, expira_ms);
CREATE INDEX session_token_primary ON session_token (primary_token_id);

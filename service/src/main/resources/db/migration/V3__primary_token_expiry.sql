-- A primary token may be issued until a day (a partner's test period, a contract's end): from vence on
-- (Bogotá time, the first moment it is no longer valid) GenerarToken refuses it. NULL: valid until revoked.
ALTER TABLE primary_token ADD COLUMN vence TIMESTAMP;

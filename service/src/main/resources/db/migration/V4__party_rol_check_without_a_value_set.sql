-- The same rule as V1's party_rol, written so that H2 keeps no session in it. H2 2.4 turns "rol IN ('EPS',
-- 'PROVEEDOR')" (and "rol = 'EPS' OR rol = 'PROVEEDOR'") into a set of values ordered by the session that created
-- the constraint: once that session is closed (the pool retires the migration's connection after 30 minutes), every
-- write to party fails with "Check constraint invalid" (the database has been closed), a wrong primary token and an
-- operator's party add included. A CASE is evaluated with the writing session. PostgreSQL reads it the same way.
ALTER TABLE party DROP CONSTRAINT party_rol;
ALTER TABLE party ADD CONSTRAINT party_rol CHECK (CASE WHEN rol = 'EPS' THEN TRUE WHEN rol = 'PROVEEDOR' THEN TRUE ELSE FALSE END);

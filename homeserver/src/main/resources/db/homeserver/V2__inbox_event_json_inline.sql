-- Event JSON stays in the row as CHARACTER VARYING instead of a CLOB. Events are small (a PDU is at most 64 KiB),
-- and H2 moves every CLOB value of more than a few hundred bytes to its separate LOB store, which made storing a
-- transaction several times slower than storing the rows themselves.
ALTER TABLE inbox_event ALTER COLUMN event_json SET DATA TYPE CHARACTER VARYING;

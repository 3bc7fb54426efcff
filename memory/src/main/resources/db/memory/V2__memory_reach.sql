-- Whether a memory may only ever be given to local models, fixed when it was stored from its author's policy, the
-- room's privacy then and the personal data kept in it. NULL for memories stored before Steward recorded it: they
-- count as local until Steward judges them at its next start.
ALTER TABLE memories ADD COLUMN local_only BOOLEAN;

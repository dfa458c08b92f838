-- Bounded audit growth. Each account keeps its newest 1,000 events: an insert past that deletes the oldest
-- in the same statement (the (user_id, id DESC) index finds it), so a flood of failed sign-ins on one
-- account cannot grow the table without bound. Age limits are the daily job's (src/domain/cleanup.ts).
CREATE TRIGGER audit_events_per_user_cap AFTER INSERT ON audit_events
WHEN NEW.user_id IS NOT NULL
BEGIN
  DELETE FROM audit_events
  WHERE user_id = NEW.user_id
    AND id <= (SELECT id FROM audit_events WHERE user_id = NEW.user_id ORDER BY id DESC LIMIT 1 OFFSET 1000);
END;

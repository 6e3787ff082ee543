-- People are team members (issue 18): each owner and requester keeps its
-- name (for display and history) and may also name the member it is.
-- The member ids have no foreign key: members live behind the team's own
-- store and are never deleted, only deactivated. NULL: a name only (the
-- local workspace, records from before the team).
ALTER TABLE campaigns ADD COLUMN owner_id INTEGER;
ALTER TABLE deliverables ADD COLUMN owner_id INTEGER;
ALTER TABLE milestones ADD COLUMN owner_id INTEGER;
ALTER TABLE contracts ADD COLUMN owner_id INTEGER;
ALTER TABLE spend_requests ADD COLUMN requester_id INTEGER;

-- Who decided a request, on the request itself; filled in from the
-- history for the requests decided before.
ALTER TABLE spend_requests ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE spend_requests ADD COLUMN decided_by_id INTEGER;
UPDATE spend_requests SET decided_by = coalesce((
	SELECT e.actor FROM spend_request_events e
	WHERE e.request_id = spend_requests.id AND e.action IN ('approved', 'rejected')
	ORDER BY e.id DESC LIMIT 1), '')
WHERE status <> 'pending';

-- A mapping of a name to a member is kept like a rename, with the member.
ALTER TABLE person_renames ADD COLUMN member_id INTEGER;

-- My week on a team workspace looks owners up by member.
CREATE INDEX milestones_owner_id ON milestones (owner_id, due_date);
CREATE INDEX deliverables_owner_id ON deliverables (owner_id, publish_date);

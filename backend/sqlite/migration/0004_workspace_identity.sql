-- A random identity per workspace: calendar exports build their event UIDs
-- from it, so they are unique to this workspace and stable across exports.
CREATE TABLE workspace_identity (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	uid TEXT NOT NULL
);
INSERT INTO workspace_identity (id, uid) VALUES (1, lower(hex(randomblob(16))));

-- Documents kept with contracts. The bytes live in the library folder
-- under their SHA-256; the same file added twice is stored once.
CREATE TABLE contract_documents (
	id           INTEGER PRIMARY KEY,
	contract_id  INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	sha256       TEXT NOT NULL,
	size         INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	added_at     TEXT NOT NULL
);
CREATE INDEX contract_documents_contract ON contract_documents (contract_id);

-- The subscription, contract or line ID a vendor's export gives a contract:
-- an import matches its rows by it, so two subscriptions of the same
-- vendor and product stay two contracts.
CREATE TABLE contract_refs (
	contract_id INTEGER PRIMARY KEY REFERENCES contracts (id) ON DELETE CASCADE,
	ref TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- A spend request says when the money is needed (the day the committed
-- spend is booked on when approved), which vendor it goes to and which
-- campaign it serves; approval carries all three onto the spend.
ALTER TABLE spend_requests ADD COLUMN date TEXT NOT NULL DEFAULT '';
ALTER TABLE spend_requests ADD COLUMN vendor TEXT NOT NULL DEFAULT '';
ALTER TABLE spend_requests ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;

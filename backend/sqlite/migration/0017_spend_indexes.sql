-- Two of the seven secondary indexes of spend do not earn their upkeep
-- (every insert pays for each index; a million-row import spent most of its
-- time there):
-- - spend_team and spend_category answered only the use counts of the
--   team and category lists, which spend_monthly now gives (its entries
--   are kept per team and category by the triggers), and the team or
--   category filter of the spend API (no screen uses it), where the index
--   found a quarter of the table, read row by row, and sorted it; without
--   it the table is read in order and the same rows sorted (the page's
--   total needs every match either way). Deleting a team or category
--   still checks spend, once, and only when nothing counts as using it.
-- The five left each serve a screen: the date range and newest-first
-- pages and the import's duplicate lookup (spend_date_amount), a
-- campaign's spend and the report (spend_campaign), the vendor filter
-- (spend_vendor), a vendor's page (spend_vendor_id) and contract sync
-- (spend_contract).
DROP INDEX spend_team;
DROP INDEX spend_category;

package sqlite

// Which tables the audit log follows, and the triggers that note their
// changes. The triggers are written from this table at open rather than
// in a migration: a later migration that rebuilds a table (and so drops
// its triggers) or adds a column gets them back as they should be, and
// the field names and types live in one place with the fold that reads
// them (audit.go).

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// auditField is one field of an audited row: its key (the import and
// export field keys, which the UI already has labels for), how to show it,
// and its value as SQL over the row "$" (NEW or OLD).
type auditField struct {
	key, typ, expr string
	cols           []string // the columns expr reads
}

func text(key, col string) auditField   { return auditField{key, "text", "$." + col, []string{col}} }
func day(key, col string) auditField    { return auditField{key, "date", "$." + col, []string{col}} }
func number(key, col string) auditField { return auditField{key, "number", "$." + col, []string{col}} }

func boolean(key, col string) auditField {
	return auditField{key, "bool", "json(CASE WHEN $." + col + " THEN 'true' ELSE 'false' END)", []string{col}}
}

func money(key, amount, currency string) auditField {
	return auditField{key, "money", "json_object('amount', $." + amount + ", 'currency', $." + currency + ")", []string{amount, currency}}
}

// ref shows a reference by the name of what it refers to at the time.
func ref(key, col, table string) auditField {
	return auditField{key, "text", "(SELECT name FROM " + table + " WHERE id = $." + col + ")", []string{col}}
}

// auditTable is an audited table whose rows are records (or, with row
// set, parts of one: a budget line's periods).
type auditTable struct {
	table  string
	kind   backend.AuditKind
	record string // the record's key, SQL over $
	row    string // the part of the record a row is; "" when one row
	label  string
	when   string // rows to follow, SQL over $; "" for all
	fields []auditField
	// period makes the row's one field a budget period: "period.N".
	period bool
}

// auditList is a table of values in one of a record's lists (a
// campaign's tags): each value added or removed is noted, and the fold
// shows the whole list before and after.
type auditList struct {
	table   string
	kind    backend.AuditKind
	field   string
	record  string // the owning record's id, SQL over $
	value   string // SQL over $
	current string // the list now, in order: SQL with one ? for the record
}

var auditTables = []auditTable{
	{table: "campaigns", kind: backend.AuditCampaign, record: "$.id", label: "$.name", fields: []auditField{
		text("name", "name"), text("objective", "objective"), ref("team", "team_id", "teams"), text("owner", "owner"),
		text("status", "status"), day("startDate", "start_date"), day("endDate", "end_date"),
		money("budget", "budget_amount", "budget_currency"), money("revenue", "attributed_revenue", "budget_currency"),
		text("notes", "notes"), text("complianceStatus", "compliance_status"), text("complianceReviewer", "compliance_reviewer"),
		day("complianceDate", "compliance_date"), text("complianceComment", "compliance_comment")}},
	{table: "deliverables", kind: backend.AuditDeliverable, record: "$.id", label: "$.title", fields: []auditField{
		ref("campaign", "campaign_id", "campaigns"), text("title", "title"), text("type", "type"), text("customType", "custom_type"),
		day("publishDate", "publish_date"), ref("channel", "channel_id", "channels"), text("owner", "owner"),
		text("status", "status"), text("notes", "notes")}},
	{table: "milestones", kind: backend.AuditMilestone, record: "$.id", label: "$.title", fields: []auditField{
		ref("campaign", "campaign_id", "campaigns"), text("title", "title"), text("owner", "owner"),
		day("dueDate", "due_date"), boolean("done", "done")}},
	{table: "goals", kind: backend.AuditGoal, record: "$.id", label: "coalesce(nullif($.custom_metric, ''), $.metric)", fields: []auditField{
		ref("campaign", "campaign_id", "campaigns"), text("metric", "metric"), text("customMetric", "custom_metric"),
		number("target", "target"), number("actual", "actual"), text("unit", "unit"), day("dueDate", "due_date")}},
	{table: "budget_lines", kind: backend.AuditBudgetLine, record: "$.fiscal_year || ':' || $.team_id || ':' || $.category_id", row: "$.period",
		label:  "(SELECT name FROM teams WHERE id = $.team_id) || ' · ' || (SELECT name FROM spend_categories WHERE id = $.category_id) || ' · ' || $.fiscal_year",
		period: true, fields: []auditField{{"period", "money", "json_object('amount', $.amount, 'currency', " + baseCurrency + ")", []string{"amount", "period"}}}},
	{table: "fiscal_years", kind: backend.AuditFiscalYear, record: "$.year", label: "$.year", fields: []auditField{text("granularity", "granularity")}},
	{table: "fx_rates", kind: backend.AuditFXRate, record: "$.currency || ':' || $.month", label: "$.currency || ' ' || $.month",
		fields: []auditField{number("rate", "rate")}},
	{table: "fx_planning_rates", kind: backend.AuditPlanningRate, record: "$.currency", label: "$.currency", fields: []auditField{number("rate", "rate")}},
	// A contract's schedule of spend is rewritten with the contract: the
	// contract's own entry says what changed.
	{table: "spend", kind: backend.AuditSpend, record: "$.id", label: "$.date || ' ' || $.vendor", when: "$.contract_id IS NULL", fields: []auditField{
		day("date", "date"), money("amount", "amount", "currency"), ref("team", "team_id", "teams"),
		ref("category", "category_id", "spend_categories"), text("vendor", "vendor"), ref("campaign", "campaign_id", "campaigns"),
		text("status", "status"), text("reference", "reference"), text("note", "note")}},
	{table: "spend_requests", kind: backend.AuditRequest, record: "$.id", label: "$.purpose", fields: []auditField{
		text("requester", "requester"), ref("team", "team_id", "teams"), ref("category", "category_id", "spend_categories"),
		money("amount", "amount", "currency"), text("purpose", "purpose"), text("status", "status"), day("neededBy", "date"),
		text("vendor", "vendor"), ref("campaign", "campaign_id", "campaigns")}},
	{table: "vendors", kind: backend.AuditVendor, record: "$.id", label: "$.name", fields: []auditField{
		text("name", "name"), text("website", "website"), text("category", "category"), text("contacts", "contacts"), text("notes", "notes")}},
	{table: "contracts", kind: backend.AuditContract, record: "$.id", label: "$.product", fields: []auditField{
		ref("vendor", "vendor_id", "vendors"), text("product", "product"), text("owner", "owner"), ref("team", "team_id", "teams"),
		ref("category", "category_id", "spend_categories"), money("cost", "cost_amount", "cost_currency"),
		text("billingCycle", "billing_cycle"), day("startDate", "start_date"), number("termMonths", "term_months"),
		day("renewalDate", "renewal_date"), boolean("autoRenew", "auto_renew"), number("noticeDays", "notice_days"),
		number("seatsPurchased", "seats_purchased"), number("seatsUsed", "seats_used"), text("status", "status"),
		boolean("dpaSigned", "dpa_signed"), boolean("securityReviewDone", "security_review_done"),
		day("securityReviewDate", "security_review_date"), text("dataLocation", "data_location"), text("notes", "notes")}},
	{table: "assets", kind: backend.AuditAsset, record: "$.id", label: "$.title", fields: []auditField{
		text("title", "title"), text("type", "type"), text("description", "description"), text("source", "source"),
		text("licenceType", "licence_type"), text("licenceHolder", "licence_holder"), text("usageRights", "usage_rights"),
		day("licenceStart", "licence_start"), day("licenceExpiry", "licence_expiry")}},
	{table: "teams", kind: backend.AuditTeam, record: "$.id", label: "$.name", fields: []auditField{text("name", "name")}},
	{table: "channels", kind: backend.AuditChannel, record: "$.id", label: "$.name", fields: []auditField{text("name", "name")}},
	{table: "spend_categories", kind: backend.AuditCategory, record: "$.id", label: "$.name", fields: []auditField{text("name", "name")}},
	{table: "settings", kind: backend.AuditSettings, record: "$.id", label: "$.name", fields: []auditField{
		text("name", "name"), text("baseCurrency", "base_currency"), number("fiscalYearStart", "fiscal_year_start_month"),
		text("language", "language"), number("underuseThreshold", "underuse_threshold"), text("calendar", "calendar"),
		number("weekStart", "week_start")}},
}

// baseCurrency is the workspace's currency, as SQL: the default one while
// its settings were never saved.
var baseCurrency = "coalesce((SELECT base_currency FROM settings), '" + backend.DefaultSettings().BaseCurrency + "')"

var auditLists = []auditList{
	{"campaign_tags", backend.AuditCampaign, "tags", "$.campaign_id", "$.tag",
		`SELECT tag FROM campaign_tags WHERE campaign_id = ? ORDER BY position`},
	{"campaign_channels", backend.AuditCampaign, "channels", "$.campaign_id", "(SELECT name FROM channels WHERE id = $.channel_id)",
		`SELECT c.name FROM campaign_channels cc JOIN channels c ON c.id = cc.channel_id WHERE cc.campaign_id = ? ORDER BY cc.position`},
	{"asset_tags", backend.AuditAsset, "tags", "$.asset_id", "$.tag",
		`SELECT tag FROM asset_tags WHERE asset_id = ? ORDER BY position`},
	{"asset_campaigns", backend.AuditAsset, "campaigns", "$.asset_id", "(SELECT name FROM campaigns WHERE id = $.campaign_id)",
		`SELECT c.name FROM asset_campaigns ac JOIN campaigns c ON c.id = ac.campaign_id WHERE ac.asset_id = ? ORDER BY c.name`},
	{"asset_versions", backend.AuditAsset, "files", "$.asset_id", "$.file_name",
		`SELECT file_name FROM asset_versions WHERE asset_id = ? ORDER BY version`},
	{"contract_documents", backend.AuditContract, "documents", "$.contract_id", "$.name",
		`SELECT name FROM contract_documents WHERE contract_id = ? ORDER BY id`},
}

// auditLabels names a record whose lists alone changed.
var auditLabels = map[backend.AuditKind]string{
	backend.AuditCampaign: `SELECT name FROM campaigns WHERE id = ?`,
	backend.AuditAsset:    `SELECT title FROM assets WHERE id = ?`,
	backend.AuditContract: `SELECT product FROM contracts WHERE id = ?`,
}

// auditType returns how a field of kind is shown.
func auditType(kind backend.AuditKind, field string) string {
	for _, l := range auditLists {
		if l.kind == kind && l.field == field {
			return "list"
		}
	}
	for _, t := range auditTables {
		if t.kind != kind {
			continue
		}
		if t.period {
			return "money"
		}
		for _, f := range t.fields {
			if f.key == field {
				return f.typ
			}
		}
	}
	return "text"
}

const auditPaused = "NOT EXISTS (SELECT 1 FROM audit_pause)"

func on(expr, row string) string { return strings.ReplaceAll(expr, "$.", row+".") }

// image is the JSON object of the row's fields.
func (t auditTable) image(row string, fields []auditField) string {
	if t.period {
		return on("json_object('period.' || $.period, "+fields[0].expr+")", row)
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = "'" + f.key + "', " + on(f.expr, row)
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

// triggers returns the table's three triggers, by name, keeping only the
// fields whose columns the table has.
func (t auditTable) triggers(cols map[string]bool) map[string]string {
	var fields []auditField
	for _, f := range t.fields {
		ok := true
		for _, c := range f.cols {
			ok = ok && cols[c]
		}
		if ok {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	row := "''"
	if t.row != "" {
		row = t.row
	}
	note := func(r, old, new string) string {
		return fmt.Sprintf("INSERT INTO audit_pending (kind, record, row, label, old, new) VALUES ('%s', %s, %s, %s, %s, %s);",
			t.kind, on(t.record, r), on(row, r), on(t.label, r), old, new)
	}
	when := func(rows ...string) string {
		w := auditPaused
		if t.when != "" {
			for _, r := range rows {
				w += " AND " + on(t.when, r)
			}
		}
		return w
	}
	name := "audit_" + t.table
	return map[string]string{
		name + "_insert": fmt.Sprintf("CREATE TRIGGER %s_insert AFTER INSERT ON %s WHEN %s BEGIN %s END",
			name, t.table, when("NEW"), note("NEW", "NULL", t.image("NEW", fields))),
		name + "_update": fmt.Sprintf("CREATE TRIGGER %s_update AFTER UPDATE ON %s WHEN %s BEGIN %s END",
			name, t.table, when("OLD", "NEW"), note("NEW", t.image("OLD", fields), t.image("NEW", fields))),
		name + "_delete": fmt.Sprintf("CREATE TRIGGER %s_delete AFTER DELETE ON %s WHEN %s BEGIN %s END",
			name, t.table, when("OLD"), note("OLD", t.image("OLD", fields), "NULL")),
	}
}

// triggers returns the list table's triggers, by name.
func (l auditList) triggers() map[string]string {
	note := func(r, col string) string {
		return fmt.Sprintf("INSERT INTO audit_pending (kind, record, field, %s) VALUES ('%s', %s, '%s', %s);",
			col, l.kind, on(l.record, r), l.field, on(l.value, r))
	}
	name := "audit_" + l.table
	return map[string]string{
		name + "_insert": fmt.Sprintf("CREATE TRIGGER %s_insert AFTER INSERT ON %s WHEN %s BEGIN %s END",
			name, l.table, auditPaused, note("NEW", "added")),
		name + "_update": fmt.Sprintf("CREATE TRIGGER %s_update AFTER UPDATE ON %s WHEN %s AND (%s IS NOT %s OR %s IS NOT %s) BEGIN %s %s END",
			name, l.table, auditPaused, on(l.value, "OLD"), on(l.value, "NEW"), on(l.record, "OLD"), on(l.record, "NEW"),
			note("OLD", "removed"), note("NEW", "added")),
		name + "_delete": fmt.Sprintf("CREATE TRIGGER %s_delete AFTER DELETE ON %s WHEN %s BEGIN %s END",
			name, l.table, auditPaused, note("OLD", "removed")),
	}
}

// installAuditTriggers makes the audit triggers what this build wants,
// changing only those that differ (in one transaction).
func (db *DB) installAuditTriggers(ctx context.Context) error {
	want := map[string]string{}
	for _, t := range auditTables {
		cols, err := db.columns(ctx, t.table)
		if err != nil {
			return err
		}
		for name, sql := range t.triggers(cols) {
			want[name] = sql
		}
	}
	for _, l := range auditLists {
		cols, err := db.columns(ctx, l.table)
		if err != nil {
			return err
		}
		if len(cols) == 0 {
			continue // a table a later schema does without
		}
		for name, sql := range l.triggers() {
			want[name] = sql
		}
	}
	have := map[string]string{}
	rows, err := db.db.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return err
		}
		have[name] = sql
	}
	rows.Close()
	var stmts []string
	for name, sql := range have {
		if want[name] != sql {
			stmts = append(stmts, "DROP TRIGGER "+name)
		}
	}
	for name, sql := range want {
		if have[name] != sql {
			stmts = append(stmts, sql)
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return tx.Commit()
}

// dropAuditTriggers removes every audit trigger in tx.
func dropAuditTriggers(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := tx.Exec("DROP TRIGGER " + name); err != nil {
			return err
		}
	}
	return nil
}

// columns returns the names of table's columns (none when it is missing).
func (db *DB) columns(ctx context.Context, table string) (map[string]bool, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		cols[name] = true
	}
	return cols, rows.Err()
}

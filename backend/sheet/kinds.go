package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FieldType says how a column's cells are read.
type FieldType string

const (
	TypeText  FieldType = "text"
	TypeDate  FieldType = "date"
	TypeMoney FieldType = "money"
	TypeInt   FieldType = "int"
	TypeBool  FieldType = "bool"
	TypeList  FieldType = "list" // comma-separated names
	TypeEnum  FieldType = "enum"
	TypeID    FieldType = "id"
)

// Field is one thing an import can fill (and an export writes): its key
// (also the catalog key "import.field.<key>"), how it is read, the header
// an export gives its column and the header names it goes by.
type Field struct {
	Key string `json:"key"`
	// Header is the English header of the field's column in an export
	// (one the synonyms know, so the file imports back); "" for a field
	// that is not exported.
	Header   string    `json:"-"`
	Type     FieldType `json:"type"`
	Required bool      `json:"required"`
	// Choices are the stored values of an enum; Words maps what people
	// write (any language) to them.
	Choices  []string          `json:"choices,omitempty"`
	Words    map[string]string `json:"-"`
	Synonyms []string          `json:"-"`
	// Base says a money field is in the workspace currency unless its
	// cell names another; the row's currency column is not for it.
	Base bool `json:"-"`
}

// Kind is what an import brings in, and the sheet an export writes it to.
type Kind struct {
	Key    string  `json:"key"`
	Fields []Field `json:"fields"`
	// Sheet is the English name of the kind's sheet in an export.
	Sheet string `json:"-"`
	// Columns orders an export's columns by field key where that order is
	// not the fields' (nil: every field with a Header, in order).
	Columns []string `json:"-"`
	// Wide names the fields a months-or-days-as-columns layout fills: the
	// column header gives WideDate, the cell WideValue.
	WideDate, WideValue string `json:"-"`
	// GroupField is filled from a label column left of a wide table
	// (a channel merged down its rows).
	GroupField string `json:"-"`
	// RowWords pick, in a wide layout with a label column, the rows that
	// hold this kind's amounts ("Actual spend", "Budget").
	RowWords []string `json:"-"`
	// sheetLabel is the kind's sheet name in the user's language, from
	// the labels an import is given.
	sheetLabel string
	// oldSheetNames are names the app gave the kind's sheet before its
	// wording changed, so files exported then still import.
	oldSheetNames []string
}

// Field returns the kind's field with that key.
func (k *Kind) Field(key string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Key == key {
			return &k.Fields[i]
		}
	}
	return nil
}

func enum(key, header string, syn []string, w map[string]string) Field {
	return Field{Key: key, Header: header, Type: TypeEnum, Synonyms: syn, Words: w, Choices: choices(w)}
}

// Kinds lists what can be imported, by key.
var Kinds = map[string]*Kind{
	"campaigns": {Key: "campaigns", Sheet: "Campaigns", Columns: []string{"id", "name", "objective", "team", "owner", "channels", "tags", "status", "startDate", "endDate", "budget", "currency", "revenue", "notes"},
		Fields: []Field{
			{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
			{Key: "name", Header: "Campaign", Type: TypeText, Required: true, Synonyms: synName},
			{Key: "objective", Header: "Objective", Type: TypeText, Synonyms: synObj},
			{Key: "team", Header: "Team", Type: TypeText, Synonyms: synTeam},
			{Key: "owner", Header: "Owner", Type: TypeText, Synonyms: synOwner},
			{Key: "channels", Header: "Channels", Type: TypeList, Synonyms: synChannel},
			{Key: "tags", Header: "Tags", Type: TypeList, Synonyms: synTags},
			enum("status", "Status", synStatus, campaignStatusWords),
			{Key: "startDate", Header: "Start date", Type: TypeDate, Required: true, Synonyms: synStart},
			{Key: "endDate", Header: "End date", Type: TypeDate, Required: true, Synonyms: synEnd},
			{Key: "budget", Header: "Budget", Type: TypeMoney, Synonyms: synBudget},
			{Key: "revenue", Header: "Revenue", Type: TypeMoney, Base: true, Synonyms: synRevenue},
			{Key: "currency", Header: "Currency", Type: TypeText, Synonyms: synCurrency},
			{Key: "notes", Header: "Notes", Type: TypeText, Synonyms: synNotes},
		}},
	"deliverables": {Key: "deliverables", Sheet: "Deliverables", Fields: []Field{
		{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
		{Key: "title", Header: "Title", Type: TypeText, Required: true, Synonyms: synTitle},
		{Key: "publishDate", Header: "Publish date", Type: TypeDate, Required: true, Synonyms: synDate},
		{Key: "campaign", Header: "Campaign", Type: TypeText, Synonyms: synCampaign},
		{Key: "type", Header: "Type", Type: TypeText, Synonyms: synType},
		{Key: "channel", Header: "Channel", Type: TypeText, Synonyms: synChannel},
		{Key: "owner", Header: "Owner", Type: TypeText, Synonyms: synOwner},
		enum("status", "Status", synStatus, deliverableStatusWords),
		{Key: "notes", Header: "Notes", Type: TypeText, Synonyms: append(append([]string{}, synNotes...), synTags...)},
	}},
	"spend": {Key: "spend", Sheet: "Spend", WideDate: "date", WideValue: "amount", GroupField: "vendor",
		RowWords: []string{"actual spend", "ads actual spend", "spend", "actual", "cost", "هزینه", "الإنفاق", "wydatki", "harcama", "ค่าใช้จ่าย"},
		Fields: []Field{
			{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
			{Key: "date", Header: "Date", Type: TypeDate, Required: true, Synonyms: synDate},
			{Key: "amount", Header: "Amount", Type: TypeMoney, Required: true, Synonyms: synAmount},
			{Key: "currency", Header: "Currency", Type: TypeText, Synonyms: synCurrency},
			{Key: "team", Header: "Team", Type: TypeText, Required: true, Synonyms: synTeam},
			{Key: "category", Header: "Category", Type: TypeText, Required: true, Synonyms: append(append([]string{}, synCategory...), synChannel...)},
			{Key: "vendor", Header: "Vendor", Type: TypeText, Synonyms: synVendor},
			{Key: "campaign", Header: "Campaign", Type: TypeText, Synonyms: synCampaign},
			enum("status", "Status", synStatus, spendStatusWords),
			{Key: "reference", Header: "Reference", Type: TypeText, Synonyms: synRef},
			{Key: "note", Header: "Note", Type: TypeText, Synonyms: synNotes},
		}},
	"budget": {Key: "budget", Sheet: "Budget", WideDate: "month", WideValue: "amount", GroupField: "category",
		RowWords: []string{"budget", "marketing budget", "planned", "plan", "بودجه", "الميزانية", "budżet", "bütçe", "งบประมาณ"},
		Fields: []Field{
			{Key: "team", Header: "Team", Type: TypeText, Required: true, Synonyms: synTeam},
			{Key: "category", Header: "Category", Type: TypeText, Required: true, Synonyms: append(append([]string{}, synCategory...), synChannel...)},
			{Key: "month", Header: "Month", Type: TypeDate, Required: true, Synonyms: append(append([]string{}, synPeriod...), synDate...)},
			{Key: "amount", Header: "Amount", Type: TypeMoney, Required: true, Synonyms: append(append([]string{}, synBudget...), synAmount...)},
			{Key: "currency", Header: "Currency", Type: TypeText, Synonyms: synCurrency},
		}},
	"vendors": {Key: "vendors", Sheet: "Vendors", Fields: []Field{
		{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
		{Key: "name", Header: "Vendor", Type: TypeText, Required: true, Synonyms: append(append([]string{}, synVendor...), "name", "نام", "الاسم", "nazwa", "ad", "ชื่อ")},
		{Key: "website", Header: "Website", Type: TypeText, Synonyms: synWebsite},
		enum("category", "Category", synCategory, vendorCategoryWords),
		{Key: "contacts", Header: "Contacts", Type: TypeText, Synonyms: synContacts},
		{Key: "notes", Header: "Notes", Type: TypeText, Synonyms: synNotes},
	}},
	"contracts": {Key: "contracts", Sheet: "Contracts", Fields: []Field{
		{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
		{Key: "lineId", Type: TypeText, Synonyms: synLine},
		{Key: "vendor", Header: "Vendor", Type: TypeText, Synonyms: synVendor},
		{Key: "product", Header: "Product", Type: TypeText, Required: true, Synonyms: synProduct},
		{Key: "owner", Header: "Owner", Type: TypeText, Synonyms: synOwner},
		{Key: "team", Header: "Team", Type: TypeText, Required: true, Synonyms: synTeam},
		{Key: "category", Header: "Category", Type: TypeText, Required: true, Synonyms: synCategory},
		{Key: "cost", Header: "Cost", Type: TypeMoney, Synonyms: synCost},
		{Key: "currency", Header: "Currency", Type: TypeText, Synonyms: synCurrency},
		enum("billingCycle", "Billing cycle", synBilling, billingWords),
		{Key: "startDate", Header: "Start date", Type: TypeDate, Synonyms: synStart},
		{Key: "termMonths", Header: "Term months", Type: TypeInt, Synonyms: synTerm},
		{Key: "renewalDate", Header: "Renewal date", Type: TypeDate, Required: true, Synonyms: synRenewal},
		{Key: "autoRenew", Header: "Auto renew", Type: TypeBool, Synonyms: synAuto},
		{Key: "noticeDays", Header: "Notice days", Type: TypeInt, Synonyms: synNotice},
		{Key: "seatsPurchased", Header: "Seats purchased", Type: TypeInt, Synonyms: synSeats},
		{Key: "seatsUsed", Header: "Seats used", Type: TypeInt, Synonyms: synUsed},
		enum("status", "Status", synStatus, contractStatusWords),
		{Key: "notes", Header: "Notes", Type: TypeText, Synonyms: synNotes},
	}},
	"assets": {Key: "assets", Sheet: "Assets", oldSheetNames: []string{"دارایی‌ها", "الأصول"}, Fields: []Field{
		{Key: "id", Header: "ID", Type: TypeID, Synonyms: synID},
		{Key: "fileName", Header: "File name", Type: TypeText, Synonyms: synFile},
		{Key: "title", Header: "Title", Type: TypeText, Synonyms: synTitle},
		{Key: "tags", Header: "Tags", Type: TypeList, Synonyms: synTags},
		{Key: "licenceType", Header: "Licence type", Type: TypeText, Synonyms: synLicence},
		{Key: "licenceHolder", Header: "Licence holder", Type: TypeText, Synonyms: synHolder},
		{Key: "usageRights", Header: "Usage rights", Type: TypeText, Synonyms: synUsage},
		{Key: "licenceStart", Header: "Licence start", Type: TypeDate, Synonyms: []string{"licence start", "license start", "rights from", "شروع مجوز", "بداية الترخيص", "licencja od", "lisans başlangıcı", "เริ่มสิทธิ์"}},
		{Key: "licenceExpiry", Header: "Licence expiry", Type: TypeDate, Synonyms: append([]string{"licence expiry", "license expiry", "licence expires", "rights until"}, synRenewal...)},
		{Key: "campaigns", Header: "Campaigns", Type: TypeList, Synonyms: synCampaign},
	}},
}

// KindKeys is the order kinds are offered in.
var KindKeys = []string{"campaigns", "deliverables", "budget", "spend", "vendors", "contracts", "assets"}

// ListKinds are the lists that export but do not import: the workspace
// workbook has no sheet for them. Their fields are columns only.
var ListKinds = map[string]*Kind{
	"tasks": {Key: "tasks", Sheet: "Tasks", Fields: []Field{
		{Key: "id", Header: "ID"}, {Key: "title", Header: "Task"}, {Key: "dueDate", Header: "Due date"}, {Key: "campaign", Header: "Campaign"},
		{Key: "owner", Header: "Owner"}, {Key: "done", Header: "Done"}, {Key: "overdue", Header: "Overdue"},
	}},
	"requests": {Key: "requests", Sheet: "Requests", Fields: []Field{
		{Key: "id", Header: "ID"}, {Key: "requestedOn", Header: "Requested on"}, {Key: "requester", Header: "Requester"}, {Key: "team", Header: "Team"},
		{Key: "category", Header: "Category"}, {Key: "amount", Header: "Amount"}, {Key: "currency", Header: "Currency"}, {Key: "purpose", Header: "Purpose"},
		{Key: "status", Header: "Status"}, {Key: "decidedOn", Header: "Decided on"}, {Key: "decidedBy", Header: "Decided by"},
		{Key: "decisionNote", Header: "Decision note"}, {Key: "neededBy", Header: "Needed by"}, {Key: "vendor", Header: "Vendor"}, {Key: "campaign", Header: "Campaign"},
	}},
}

// ListKindKeys is the order of ListKinds.
var ListKindKeys = []string{"tasks", "requests"}

// ExportKind returns the kind an export writes under key, from Kinds or
// ListKinds (nil when there is none).
func ExportKind(key string) *Kind {
	if k := Kinds[key]; k != nil {
		return k
	}
	return ListKinds[key]
}

// ExportColumns are the kind's export columns: field keys and English headers.
func (k *Kind) ExportColumns() (fields, headers []string) {
	if k.Columns != nil {
		for _, key := range k.Columns {
			fields, headers = append(fields, key), append(headers, k.Field(key).Header)
		}
		return fields, headers
	}
	for _, f := range k.Fields {
		if f.Header != "" {
			fields, headers = append(fields, f.Key), append(headers, f.Header)
		}
	}
	return fields, headers
}

// normHeader folds a header for matching: NFKC, lower case, Arabic and
// Persian letter variants unified, marks, spaces and punctuation removed.
func normHeader(s string) string {
	s = norm.NFKC.String(strings.TrimSpace(s))
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ي', 'ى':
			r = 'ی'
		case 'ك':
			r = 'ک'
		case 'ة':
			r = 'ه'
		case 'أ', 'إ', 'آ':
			r = 'ا'
		case 'ı':
			r = 'i'
		case 'İ':
			r = 'i'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Thai, r) && !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Norm folds a name for matching the way headers are matched.
func Norm(s string) string { return normHeader(s) }

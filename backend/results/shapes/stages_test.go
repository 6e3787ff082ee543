package shapes

import (
	"bytes"
	"reflect"
	"testing"

	"mopsdesk/backend"
)

// readStages reads a file with the steps the user gave to stages.
func readStages(t *testing.T, name string, data []byte, currency string, saved ...backend.ResultStage) []Sheet {
	t.Helper()
	out, err := ReadFileStages(bytes.NewReader(data), int64(len(data)), name, currency, NewStageMap(saved))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// HubSpot's eight lifecycle stages, as labels and as internal values:
// subscribers and "Other" are not in the funnel; an evangelist is a
// customer; each counts in its step and every step before it.
func TestHubSpot_ContactsDocumentedStages(t *testing.T) {
	rows := []string{"Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2"}
	for _, st := range []string{"Subscriber", "Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity", "Customer", "Evangelist", "Other"} {
		rows = append(rows, "1,A,"+st+",2025-03-03,Paid Search,q2")
	}
	for _, st := range []string{"subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"} {
		rows = append(rows, "1,A,"+st+",2025-03-04,Paid Search,q2")
	}
	s := read(t, "contacts.csv", csvFile(rows...), "")
	golden(t, s[0], "hubspot_contacts",
		`2025-03-03..2025-03-03 hubspot "q2" utm=q2 ch=Paid Search leads=6 mql=5 sql=4 opp=3 won=2`,
		`2025-03-04..2025-03-04 hubspot "q2" utm=q2 ch=Paid Search leads=6 mql=5 sql=4 opp=3 won=2`)
	if len(s[0].Stages) != 0 {
		t.Errorf("documented stages listed as unknown: %+v", s[0].Stages)
	}
}

// Salesforce's default Lead Status values: converted is sales
// qualified, the rest are leads.
func TestSalesforce_LeadStatuses(t *testing.T) {
	s := read(t, "leads.csv", csvFile(
		"First Name,Last Name,Company / Account,Lead Status,Lead Source,Created Date,Primary Campaign Source",
		"A,A,A,Open - Not Contacted,Web,3/14/2025,Webinar",
		"B,B,B,Working - Contacted,Web,3/14/2025,Webinar",
		"C,C,C,Closed - Converted,Web,3/14/2025,Webinar",
		"D,D,D,Closed - Not Converted,Web,3/14/2025,Webinar",
	), "")
	golden(t, s[0], "salesforce_leads", `2025-03-14..2025-03-14 salesforce "Webinar" ch=Web leads=4 mql=1 sql=1`)
}

// A custom lifecycle stage is listed once with its rows and held out;
// once mapped (here to MQL) its rows count, and it stays listed with its
// step so that the user can change it.
func TestContacts_UnknownStageListed(t *testing.T) {
	file := csvFile(
		"Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2",
		"101,Ana,Lead,2025-03-03,Paid Social,q2",
		"102,Ben,Webinar Attendee,2025-03-03,Paid Social,q2",
		"103,Cem,webinar  attendee,2025-03-03,Paid Social,q2",
		"104,Dia,Partner,2025-03-03,Paid Social,q2",
	)
	s := read(t, "contacts.csv", file, "")
	want := []StageCount{{Stage: "Webinar Attendee", Rows: 2}, {Stage: "Partner", Rows: 1}}
	if !reflect.DeepEqual(s[0].Stages, want) {
		t.Errorf("stages = %+v, want %+v", s[0].Stages, want)
	}
	s = readStages(t, "contacts.csv", file, "",
		backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "WEBINAR ATTENDEE", Step: backend.StepMQL},
		backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Partner", Step: backend.StepIgnore},
		// Another source's mapping does not apply.
		backend.ResultStage{Source: backend.SourceSalesforce, Records: backend.StageContacts, Stage: "Partner", Step: backend.StepWon})
	golden(t, s[0], "hubspot_contacts", `2025-03-03..2025-03-03 hubspot "q2" utm=q2 ch=Paid Social leads=3 mql=2`)
	want = []StageCount{{Stage: "Webinar Attendee", Rows: 2, Step: backend.StepMQL}, {Stage: "Partner", Rows: 1, Step: backend.StepIgnore}}
	if !reflect.DeepEqual(s[0].Stages, want) {
		t.Errorf("mapped stages = %+v, want %+v", s[0].Stages, want)
	}
}

// HubSpot's default pipeline by internal value: closed lost is an
// opportunity with no pipeline, no won and no revenue.
func TestHubSpot_DealsInternalValuesClosedLost(t *testing.T) {
	rows := []string{"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Campaign"}
	for _, st := range []string{"appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent"} {
		rows = append(rows, "1,A,"+st+",100,2025-04-30,2025-03-01,Q2")
	}
	rows = append(rows, "2,B,closedwon,1000,2025-03-10,2025-03-02,Q2", "3,C,closedlost,5000,2025-03-10,2025-03-02,Q2",
		"4,D,Closed Lost,7000,2025-03-10,2025-03-02,Q2")
	s := read(t, "deals.csv", csvFile(rows...), "USD")
	golden(t, s[0], "hubspot_deals",
		`2025-03-01..2025-03-01 hubspot "Q2" opp=5 pipe=50000 USD`,
		`2025-03-02..2025-03-02 hubspot "Q2" opp=3 pipe=100000 USD`,
		`2025-03-10..2025-03-10 hubspot "Q2" won=1 rev=100000 USD`)
}

// A custom pipeline: its stages are held out and listed until mapped;
// then "Signed" is won revenue, "Churned" lost (no pipeline, no
// revenue), "Demo booked" an open opportunity, "Spam" left out.
func TestHubSpot_DealsCustomPipeline(t *testing.T) {
	file := csvFile(
		"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign",
		"1,A,Demo booked,400,2025-04-30,2025-03-01,Partners,Q2",
		"2,B,Signed,1000,2025-03-10,2025-03-01,Partners,Q2",
		"3,C,Churned,3000,2025-03-10,2025-03-01,Partners,Q2",
		"4,D,Spam,9000,2025-03-10,2025-03-01,Partners,Q2",
		"5,E,Signed,500,2025-03-10,2025-03-01,Partners,Q2",
	)
	s := read(t, "deals.csv", file, "USD")
	golden(t, s[0], "hubspot_deals")
	want := []StageCount{{Stage: "Signed", Rows: 2}, {Stage: "Churned", Rows: 1}, {Stage: "Demo booked", Rows: 1}, {Stage: "Spam", Rows: 1}}
	if !reflect.DeepEqual(s[0].Stages, want) {
		t.Errorf("stages = %+v, want %+v", s[0].Stages, want)
	}
	deal := func(stage string, step backend.FunnelStep) backend.ResultStage {
		return backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageDeals, Stage: stage, Step: step}
	}
	s = readStages(t, "deals.csv", file, "USD", deal("Demo booked", backend.StepOpportunity), deal("Signed", backend.StepWon),
		deal("Churned", backend.StepLost), deal("Spam", backend.StepIgnore),
		// A contacts mapping of the same words does not apply to deals.
		backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Spam", Step: backend.StepLead})
	golden(t, s[0], "hubspot_deals",
		`2025-03-01..2025-03-01 hubspot "Q2" opp=4 pipe=190000 USD`,
		`2025-03-10..2025-03-10 hubspot "Q2" won=2 rev=150000 USD`)
}

// Salesforce's default Opportunity stages; a custom stage is settled by
// the report's Won and Closed columns (IsWon, IsClosed) when it has them.
func TestSalesforce_OpportunityStages(t *testing.T) {
	rows := []string{"Opportunity Name,Stage,Amount,Close Date,Created Date,Primary Campaign Source"}
	for _, st := range []string{"Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
		"Perception Analysis", "Proposal/Price Quote", "Negotiation/Review"} {
		rows = append(rows, "A,"+st+",USD 100.00,4/30/2025,3/1/2025,Webinar")
	}
	rows = append(rows, "B,Closed Won,USD 1000.00,3/10/2025,3/2/2025,Webinar", "C,Closed Lost,USD 5000.00,3/10/2025,3/2/2025,Webinar")
	s := read(t, "opps.csv", csvFile(rows...), "")
	golden(t, s[0], "salesforce_opportunities",
		`2025-03-01..2025-03-01 salesforce "Webinar" opp=8 pipe=80000 USD`,
		`2025-03-02..2025-03-02 salesforce "Webinar" opp=2 pipe=100000 USD`,
		`2025-03-10..2025-03-10 salesforce "Webinar" won=1 rev=100000 USD`)

	s = read(t, "opps-flags.csv", csvFile(
		"Opportunity Name,Stage,Won,Closed,Amount,Close Date,Created Date,Primary Campaign Source",
		"A,Contract Signed,1,1,USD 1000.00,3/10/2025,3/2/2025,Webinar",
		"B,Disqualified,0,1,USD 5000.00,3/10/2025,3/2/2025,Webinar",
		"C,Discovery,0,0,USD 300.00,4/30/2025,3/2/2025,Webinar",
	), "")
	golden(t, s[0], "salesforce_opportunities",
		`2025-03-02..2025-03-02 salesforce "Webinar" opp=3 pipe=130000 USD`,
		`2025-03-10..2025-03-10 salesforce "Webinar" won=1 rev=100000 USD`)
	if len(s[0].Stages) != 0 {
		t.Errorf("stages settled by Won/Closed listed: %+v", s[0].Stages)
	}
}

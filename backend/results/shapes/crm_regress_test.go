package shapes

import "testing"

// Regression: a contact at a lifecycle stage no vendor documents (a
// custom stage) was counted as a lead, silently. It now adds nothing
// until the user says what the stage is (TestContacts_UnknownStageListed
// checks the preview's list).
func TestContacts_UnknownStageNotCountedAsLead(t *testing.T) {
	s := read(t, "hubspot-contacts.csv", csvFile(
		"Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2",
		"101,Ana,Lead,2025-03-03,Paid Social,spring_launch",
		"102,Ben,Webinar Attendee,2025-03-03,Paid Social,spring_launch",
		"103,Cem,Webinar Attendee,2025-03-03,Paid Social,spring_launch",
	), "")
	golden(t, s[0], "hubspot_contacts",
		`2025-03-03..2025-03-03 hubspot "spring_launch" utm=spring_launch ch=Paid Social leads=1`)
}

// Regression: a custom deal stage with "won" in it ("Won't proceed")
// counted as won revenue, and one with "lost" in it as lost. Stages are
// matched whole: these wait for the user's mapping.
func TestDeals_StageWordsAreNotWonOrLost(t *testing.T) {
	s := read(t, "hubspot-deals.csv", csvFile(
		"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign",
		"201,Acme,Won't proceed,5000,2025-03-20,2025-03-01,Renewals,Spring Launch",
		"202,Beta,Lost contact - retry,800,2025-03-20,2025-03-01,Renewals,Spring Launch",
		"203,Gamma,Closed Won,1000,2025-03-20,2025-03-01,Sales Pipeline,Spring Launch",
	), "EUR")
	golden(t, s[0], "hubspot_deals",
		`2025-03-01..2025-03-01 hubspot "Spring Launch" opp=1 pipe=100000 EUR`,
		`2025-03-20..2025-03-20 hubspot "Spring Launch" won=1 rev=100000 EUR`)
}

// Regression: a HubSpot contacts export with the Lead Status column
// before the Lifecycle Stage read the lead status as the stage (a
// customer whose lead status is "Open Deal" counted as a lead only).
// The lifecycle stage is the funnel's, wherever its column is.
func TestHubSpot_ContactsLifecycleStageBeforeLeadStatus(t *testing.T) {
	s := read(t, "hubspot-contacts.csv", csvFile(
		"Record ID,First Name,Lead Status,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2",
		"101,Ana,Open Deal,Customer,2025-03-03,Paid Social,spring_launch",
		"102,Ben,New,Marketing Qualified Lead,2025-03-03,Paid Social,spring_launch",
	), "")
	golden(t, s[0], "hubspot_contacts",
		`2025-03-03..2025-03-03 hubspot "spring_launch" utm=spring_launch ch=Paid Social leads=2 mql=2 sql=1 opp=1 won=1`)
}

package shapes

import "testing"

// GA4 traffic acquisition: "#" comment lines with the date range above
// the header, source / medium split, fractional key events rounded half
// to even, sessions kept as a custom metric.
func TestGA4_PerPeriod(t *testing.T) {
	s := read(t, "ga4.csv", csvFile(
		"# ----------------------------------------",
		"# Traffic acquisition: Session campaign",
		"# Account: Demo Account",
		"# Property: Demo Property",
		"# ----------------------------------------",
		"#",
		"# Start date: 20250301",
		"# End date: 20250331",
		"Session campaign,Session source / medium,Session default channel group,Sessions,Key events",
		`spring_launch,google / cpc,Paid Search,"1,200",34`,
		"spring_launch,facebook / paid_social,Paid Social,800,12.5",
		`(not set),google / organic,Organic Search,"5,000",40`,
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-31 ga4 "(not set)" utm=(not set) ch=Organic Search med=organic conv=40 sessions=5000`,
		`2025-03-01..2025-03-31 ga4 "spring_launch" utm=spring_launch ch=Paid Search med=cpc conv=34 sessions=1200`,
		`2025-03-01..2025-03-31 ga4 "spring_launch" utm=spring_launch ch=Paid Social med=paid_social conv=12 sessions=800`)
}

// GA4 per day: YYYYMMDD days; the file's next table (after a comment
// line) is not read as more rows.
func TestGA4_PerDayStopsAtNextTable(t *testing.T) {
	s := read(t, "ga4-daily.csv", csvFile(
		"# Start date: 20250301",
		"# End date: 20250302",
		"Date,Session campaign,Sessions,Key events",
		"20250301,spring_launch,100,5",
		"20250302,spring_launch,120,6",
		"",
		"# ----------------------------------------",
		"Date,Session campaign,Sessions,Key events",
		"Total,x,1,1",
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-01 ga4 "spring_launch" utm=spring_launch conv=5 sessions=100`,
		`2025-03-02..2025-03-02 ga4 "spring_launch" utm=spring_launch conv=6 sessions=120`)
}

// HubSpot contacts: a contact counts in its lifecycle stage and every
// stage before it, on the day it was created; subscribers are not leads.
func TestHubSpot_Contacts(t *testing.T) {
	s := read(t, "hubspot-contacts.csv", csvFile(
		"Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2",
		"101,Ana,Nowak,ana@example.com,Lead,2025-03-03 10:15,Paid Social,spring_launch",
		"102,Ben,Ali,ben@example.com,Marketing Qualified Lead,2025-03-03 11:00,Paid Social,spring_launch",
		"103,Cem,Kaya,cem@example.com,Customer,2025-03-04 09:00,Paid Search,spring_launch",
		"104,Dia,Lee,dia@example.com,Subscriber,2025-03-04 09:30,Organic Search,",
		"105,Eli,Ray,eli@example.com,salesqualifiedlead,2025-03-04 12:00,Paid Search,spring_launch",
	), "")
	golden(t, s[0], "hubspot_contacts",
		`2025-03-03..2025-03-03 hubspot "spring_launch" utm=spring_launch ch=Paid Social leads=2 mql=1`,
		`2025-03-04..2025-03-04 hubspot "spring_launch" utm=spring_launch ch=Paid Search leads=2 mql=2 sql=2 opp=1 won=1`)
}

// HubSpot deals with stages: every deal is an opportunity on the day it
// was created and pipeline unless lost; a won deal is revenue on its
// close date. No currency in the file: the workspace's is used.
func TestHubSpot_DealsWithStages(t *testing.T) {
	s := read(t, "hubspot-deals.csv", csvFile(
		"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign",
		`201,Acme renewal,Closed Won,"12,000.00",2025-03-20,2025-03-01,Sales Pipeline,Spring Launch`,
		"202,Beta new,Contract Sent,5000,2025-04-15,2025-03-01,Sales Pipeline,Spring Launch",
		"203,Gamma,Closed Lost,3000,2025-03-10,2025-03-02,Sales Pipeline,Spring Launch",
		"204,Delta,Appointment Scheduled,800,,2025-03-02,Sales Pipeline,Spring Launch",
	), "EUR")
	golden(t, s[0], "hubspot_deals",
		`2025-03-01..2025-03-01 hubspot "Spring Launch" opp=2 pipe=1700000 EUR`,
		`2025-03-02..2025-03-02 hubspot "Spring Launch" opp=2 pipe=80000 EUR`,
		`2025-03-20..2025-03-20 hubspot "Spring Launch" won=1 rev=1200000 EUR`)
}

// Salesforce opportunities: German-style amounts with the currency code
// in the cell, day-first days, the report's totals and footer lines.
func TestSalesforce_OpportunitiesWithFooter(t *testing.T) {
	s := read(t, "salesforce.csv", csvFile(
		`"Opportunity Name","Account Name","Stage","Amount","Close Date","Created Date","Primary Campaign Source","Lead Source"`,
		`"Acme – 50 seats","Acme GmbH","Closed Won","EUR 12.000,00","15.03.2025","01.03.2025","Webinar EU Q1","Web"`,
		`"Beta – pilot","Beta AG","Proposal/Price Quote","EUR 4.500,00","30.04.2025","02.03.2025","Webinar EU Q1","Web"`,
		`"Gamma","Gamma SA","Closed Lost","EUR 2.000,00","20.03.2025","03.03.2025","Spring Launch","Partner"`,
		`""`,
		`"Grand Totals (3 records)","","","EUR 18.500,00"`,
		`""`,
		`"Confidential Information - Do Not Distribute"`,
		`"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."`,
	), "")
	golden(t, s[0], "salesforce_opportunities",
		`2025-03-01..2025-03-01 salesforce "Webinar EU Q1" ch=Web opp=1 pipe=1200000 EUR`,
		`2025-03-02..2025-03-02 salesforce "Webinar EU Q1" ch=Web opp=1 pipe=450000 EUR`,
		`2025-03-03..2025-03-03 salesforce "Spring Launch" ch=Partner opp=1`,
		`2025-03-15..2025-03-15 salesforce "Webinar EU Q1" ch=Web won=1 rev=1200000 EUR`)
}

// Salesforce leads: counted by status; a converted lead is sales
// qualified.
func TestSalesforce_Leads(t *testing.T) {
	s := read(t, "salesforce-leads.csv", csvFile(
		"First Name,Last Name,Company / Account,Lead Status,Lead Source,Created Date,Primary Campaign Source",
		"Ana,Nowak,Acme,Open - Not Contacted,Web,3/14/2025,Webinar EU Q1",
		"Ben,Ali,Beta,Closed - Converted,Web,3/14/2025,Webinar EU Q1",
	), "")
	golden(t, s[0], "salesforce_leads",
		`2025-03-14..2025-03-14 salesforce "Webinar EU Q1" ch=Web leads=2 mql=1 sql=1`)
}

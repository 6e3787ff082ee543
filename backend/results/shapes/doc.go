// Package shapes reads the results exports marketers already have — ad
// platforms' campaign reports, GA4 acquisition reports and CRM lists —
// into backend.ResultFact values, with the app's own streaming .xlsx/CSV
// reader (package sheet); excelize never sees the file.
//
// Recognised exports (Shapes), found by their column names, English and
// where the platform localises them Polish, Turkish, Persian, Arabic and
// Thai (README "Results files" says which localised names a vendor
// documents; the others are recognised, not confirmed):
//
//   - Google Ads campaign report (Day, Campaign, Campaign type, Currency
//     code, Impr., Clicks, Cost, Conversions; "Kampania", "Wyśw.",
//     "Koszt"; "Kampanya", "Gösterim", "Maliyet"): title and date-range
//     rows, "Total: …" rows, "--" for nothing; UTF-16 tab text too.
//   - Microsoft Advertising campaign performance (Gregorian date or
//     TimePeriod, Campaign name, Impr., Clicks, Spend, Conv., Currency
//     code): "Report Time" row, copyright line.
//   - Meta Ads Manager (Campaign name, Day, Reporting starts/ends, Amount
//     spent (USD), Impressions, Reach, Results, Link clicks; Polish and
//     Turkish names).
//   - LinkedIn Campaign Manager campaign performance (Campaign Name,
//     Start Date (in UTC), Total Spent, Impressions, Clicks, Leads,
//     Currency).
//   - TikTok Ads Manager (Campaign name, By Day, Cost, Impressions, Clicks
//     (destination), Conversions, Currency; "Total of …" row).
//   - GA4 exploration/report CSV: "#" comment lines with Start date and End
//     date, Session campaign, Session source / medium, Session default
//     channel group, Sessions (kept as the custom metric "sessions"), Key
//     events or Conversions, Date as YYYYMMDD; a second table is ignored.
//   - HubSpot contacts (Lifecycle Stage, Create Date, Original Source,
//     Original Source Drill-Down 2 as the UTM campaign) and deals (Deal
//     Stage, Amount, Close Date, Create Date).
//   - Salesforce leads (Lead Status, Created Date, Lead Source, Primary
//     Campaign Source) and opportunities (Stage, Amount, Close Date,
//     Created Date, Primary Campaign Source, Opportunity Currency), with
//     the report's "Grand Totals" and footer lines.
//
// A row covers its Day, its Week (Monday to Sunday) or Month, its own
// start and end columns, or else the period of the title rows.
//
// Detect names a sheet's shape with a confidence; NewReader turns its
// rows into facts, adding up rows of the same campaign, period, channel
// and currency; ReadFile does both for every sheet. Numbers follow the
// file: .xlsx numbers are numbers, CSV text uses the decimal separator
// its own amounts show (1.234,56 / 1 234,56 / 1,234.56), and ambiguous
// days the order its unambiguous days or title range show (day first for
// a comma-decimal file). A row it cannot read is a *Problem naming the
// sheet, row and column, with a results.* message key.
//
// CRM counting: a contact counts on its create day in its funnel step
// and every step before it (customer ⊃ opportunity ⊃ SQL ⊃ MQL ⊃ lead;
// subscribers and "Other" are not in the funnel). A deal is an
// opportunity on its create day (close day without one), its amount
// pipeline unless lost; a won deal is also won revenue on its close day.
// Stages are the vendors' documented ones (stages.go) or the ones the
// user mapped (StageMap); a row at a stage neither knows adds nothing
// and its stage is listed (Sheet.Stages) for the user to map.
// An ad platform's or GA4's conversion value ("Conv. value", "Total
// revenue") is kept as the custom metric "conversion_value" in the cost's
// currency, apart from the CRM's won revenue, so nothing counts it twice.
// Fractional counts (Google Ads conversions) are rounded half to even;
// money to the currency's minor units, half to even.
package shapes

import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { ImportPage } from './pages/import';
import { DashboardPage } from './pages/dashboard';
import type { Workspace } from './pages/workspace';

// Leads from a CRM: a Google Ads report gives the cost, a HubSpot contacts
// export the leads (its UTM campaign, "Original Source Drill-Down 2",
// matches the campaign). One contact is at a custom lifecycle stage: the
// preview lists it and it is not counted until the user says which funnel
// step it is; mapped, the file imported again counts it, and the
// dashboard's cost per lead and funnel and the exported report follow.
test.describe.configure({ mode: 'serial' });

let ws: Workspace;

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  await ws.call(request, 'Campaigns.Create', {
    name: 'Spring launch', status: 'planned', startDate: '2026-03-01', endDate: '2026-06-30', budget: { amount: 1000000, currency: 'USD' },
  });
  await request.dispose();
});

const googleAds =
  'Campaign report\n' +
  '"March 1, 2026 - March 2, 2026"\n' +
  'Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n' +
  '2026-03-01,Spring launch,Search,USD,"1,000",50,100.00,2\n' +
  '2026-03-02,Spring launch,Search,USD,800,40,90.00,1\n' +
  'Total: Account,,,,"1,800",90,190.00,3\n';

// HubSpot's contacts export, its documented column names: four leads
// (one an MQL, one an SQL), a subscriber (not a lead) and a contact at the
// custom stage "Webinar Attendee".
const hubspotContacts =
  'Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 1,Original Source Drill-Down 2\n' +
  '301,Ana,Nowak,ana@example.com,Lead,2026-03-02 09:15,Paid Search,google,spring-launch\n' +
  '302,Ben,Ali,ben@example.com,Marketing Qualified Lead,2026-03-02 10:00,Paid Search,google,spring-launch\n' +
  '303,Cem,Kaya,cem@example.com,Sales Qualified Lead,2026-03-02 11:30,Paid Search,google,spring-launch\n' +
  '304,Dia,Lee,dia@example.com,Lead,2026-03-02 12:00,Paid Search,google,spring-launch\n' +
  '305,Eli,Ray,eli@example.com,Subscriber,2026-03-02 12:30,Paid Search,google,spring-launch\n' +
  '306,Fay,Oz,fay@example.com,Webinar Attendee,2026-03-02 13:00,Paid Search,google,spring-launch\n';

/** expectFunnel opens the numbers behind the dashboard's funnel chart and checks the first stages' counts. */
async function expectFunnel(dash: DashboardPage, stages: [string, string][]): Promise<void> {
  const funnel = dash.chart('funnel');
  await funnel.getByText('Show the numbers as a table').click();
  for (const [name, count] of stages) {
    await expect(funnel.getByRole('row', { name: `${name} ${count}`, exact: true })).toBeVisible();
  }
}

const contactsFile = { name: 'hubspot-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotContacts) };

test('a CRM contacts export: the unknown stage is listed and held out, not counted as a lead', async ({ page }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await imp.choose({ name: 'google-ads.csv', mimeType: 'text/csv', buffer: Buffer.from(googleAds) });
  await expect(imp.kind).toHaveValue('results');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 2 facts.');
  await imp.commit.click();
  await expect(app.notice('Imported: 2 created')).toBeVisible();

  await imp.choose(contactsFile);
  await imp.kind.selectOption('results');
  await expect(page.getByTestId('results-shape')).toContainText('HubSpot export');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 1 of 1 facts.');
  const stage = page.locator('tr[data-stage="Webinar Attendee"]');
  await expect(stage.locator('td')).toHaveText(['Webinar Attendee', 'HubSpot', 'Contacts and leads', '1', /Not counted yet/]);
  await expect(page.getByTestId('results-stages-held')).toHaveText('1 row is at a stage not mapped yet and is not counted.');
  await page.getByTestId('results-read').screenshot({ path: '/tmp/crmstage-stages.png' });
  await imp.commit.click();
  await expect(app.notice('Imported: 1 created')).toBeVisible();

  // Four leads, not five: $190.00 ÷ 4.
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  const total = dash.results.locator('tr.total');
  // No deals export: revenue is not known, so ROAS is "—", not 0.00.
  await expect(total.locator('td')).toHaveText(['$190.00', '4', '$47.50', '$0.00', '—']);
  await expect(page.getByTestId('dashboard-no-revenue')).toHaveText(/No revenue in these results/);
  await expectFunnel(dash, [['Leads', '4'], ['MQLs', '2'], ['SQLs', '1']]);
});

test('mapped in the preview, the stage counts at the step the user chose, here and in the exported report', async ({ page }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await imp.choose(contactsFile);
  await imp.kind.selectOption('results');
  const stage = page.locator('tr[data-stage="Webinar Attendee"]');
  await stage.getByLabel('Funnel step for “Webinar Attendee”').selectOption({ label: 'MQL (marketing qualified lead)' });
  await expect(app.notice('Saved: “Webinar Attendee” counts as MQL (marketing qualified lead).')).toBeVisible();
  // The preview is read again: the stage keeps its step, nothing is held out.
  await expect(stage.getByLabel('Funnel step for “Webinar Attendee”')).toHaveValue('mql');
  await expect(page.getByTestId('results-stages-held')).toHaveCount(0);
  await imp.commit.click();
  // The same day's fact of the first import is replaced, not added to.
  await expect(app.notice(/Imported: 0 created, 1 updated/)).toBeVisible();

  // Five leads now: $190.00 ÷ 5; three MQLs.
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  const total = dash.results.locator('tr.total');
  await expect(total.locator('td')).toHaveText(['$190.00', '5', '$38.00', '$0.00', '—']);
  await expectFunnel(dash, [['Leads', '5'], ['MQLs', '3'], ['SQLs', '1']]);
  await page.screenshot({ path: '/tmp/crmstage-dashboard.png', fullPage: true });

  const file = await dash.exportReport('Export report (.xlsx)');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const rows: unknown[][] = [];
  wb.getWorksheet('Results')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  // The funnel with its rates: 3 of 5 leads are MQLs, 1 of 3 MQLs an SQL.
  expect(rows).toContainEqual(['Leads', 5, '—']);
  expect(rows).toContainEqual(['MQLs', 3, 0.6]);
  expect(rows).toContainEqual(['SQLs', 1, 0.3333]);
  // The campaign by cost per lead: cost, leads, $190.00 ÷ 5.
  expect(rows).toContainEqual(['Spring launch', 190, 5, 38]);
});

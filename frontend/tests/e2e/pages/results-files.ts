/**
 * Results exports the specs import: small files in the vendors' shapes.
 */

/**
 * A Google Ads campaign report as the UI downloads it: a title and a date
 * range above the header, a totals row below; "Q2-Launch webinar-eu" is
 * the name no campaign has.
 */
export const googleAdsReport =
  'Campaign report\n' +
  '"March 1, 2026 - March 2, 2026"\n' +
  'Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n' +
  '2026-03-01,Spring launch,Search,USD,"1,000",50,100.00,2\n' +
  '2026-03-02,Spring launch,Search,USD,800,40,80.00,1\n' +
  '2026-03-01,Q2-Launch webinar-eu,Search,USD,500,20,10.00,0\n' +
  'Total: Account,,,,"2,300",110,190.00,3\n';

/** googleAdsFile is googleAdsReport as a file to choose on the Import page. */
export const googleAdsFile = { name: 'google-ads.csv', mimeType: 'text/csv', buffer: Buffer.from(googleAdsReport) };

/** sourceNames are the tools results files come from, by their own (untranslated) product names. */
export const sourceNames: Record<string, string> = {
  google_ads: 'Google Ads',
  microsoft_ads: 'Microsoft Advertising',
  meta_ads: 'Meta Ads',
  linkedin_ads: 'LinkedIn Ads',
  tiktok_ads: 'TikTok Ads',
  ga4: 'Google Analytics 4',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  other: 'MOps Desk',
};

/** costSources are the sources whose files carry cost: the ad platforms. */
export const costSources = new Set(['google_ads', 'microsoft_ads', 'meta_ads', 'linkedin_ads', 'tiktok_ads']);

/** sourceName is a source as people call it. */
export function sourceName(s: string): string {
  return sourceNames[s] ?? s;
}

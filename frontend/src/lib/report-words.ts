/**
 * reportRateKeys are the Budget summary's messages the executive report
 * repeats word for word (what its totals leave out for want of an exchange
 * rate, and what they price at a planning rate). The report looks them up
 * under these very keys, from the window's words or from the catalogs the
 * build writes for "mopsdesk report".
 */
export const reportRateKeys = ['budget.missing_rates', 'budget.assumed_rates'] as const;

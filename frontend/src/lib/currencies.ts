/** CurrencyChoices are a picker's currencies: the workspace's own first, then every other. */
export interface CurrencyChoices {
  first: string[];
  rest: string[];
}

/**
 * currencyChoices orders a currency picker: the base currency, then the
 * currencies already in use (most used first), then the rest in code
 * order; each code once, excluded ones left out, and only codes the app
 * knows, except the value a form already holds (a record kept in a code
 * the list lacks), so a form never shows a value its picker does not list.
 */
export function currencyChoices(all: string[], base: string, inUse: string[], exclude: string[] = [], picked = ''): CurrencyChoices {
  const known = new Set(all);
  const skip = new Set(exclude);
  const first: string[] = [];
  for (const c of [base, ...inUse]) if (c && known.has(c) && !skip.has(c) && !first.includes(c)) first.push(c);
  if (picked && !known.has(picked) && !skip.has(picked)) first.push(picked);
  const rest = [...all].sort().filter((c) => !first.includes(c) && !skip.has(c));
  return { first, rest };
}

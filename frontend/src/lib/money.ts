// Money in the UI is an integer count of minor units. These functions move
// between that integer and text without ever doing float arithmetic.

/** toDecimal renders minor units as an exact decimal string: 123456, 2 -> "1234.56". */
export function toDecimal(amount: number, minorUnits: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError('money amount is not a safe integer');
  const neg = amount < 0;
  const digits = String(Math.abs(amount)).padStart(minorUnits + 1, '0');
  const cut = digits.length - minorUnits;
  const s = minorUnits > 0 ? digits.slice(0, cut) + '.' + digits.slice(cut) : digits;
  return neg ? '-' + s : s;
}

/**
 * amountProblems are the reasons parseAmount refuses a text; forms show
 * the message 'money.' + reason.
 */
export const amountProblems = ['format', 'decimals', 'range'] as const;

export type ParseResult = { ok: true; amount: number } | { ok: false; reason: (typeof amountProblems)[number] };

/**
 * latinDigits turns Persian (۰–۹) and Arabic-Indic (٠–٩) digits into 0–9 and
 * the Arabic decimal (٫) and thousands (٬) signs into "." and ",", so
 * amounts typed on a Persian or Arabic keyboard read like any other.
 */
export function latinDigits(s: string): string {
  return s
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
}

/** A number as typed, split at its decimal separator. */
interface NumberParts {
  neg: boolean;
  whole: string;
  frac: string;
}

/**
 * readNumber reads what a user typed into a number field: digits with an
 * optional sign, thousands separators (comma, space, apostrophe or the
 * locale's group separator) and one decimal separator (the locale's, or
 * "." when unambiguous). It is the app's one number reader: amounts and
 * goal values go through it.
 */
function readNumber(text: string, locale: string): NumberParts | null {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = latinDigits(parts.find((p) => p.type === 'group')?.value ?? ',');
  const decimal = latinDigits(parts.find((p) => p.type === 'decimal')?.value ?? '.');
  let s = latinDigits(text.trim()).replace(/\s|\u00a0|\u202f|'|\u200e|\u200f|\u061c/g, '');
  let neg = false;
  if (/^\(.*\)$/.test(s)) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s === '') return null;
  s = s.split(group).join('|');
  const dec = s.includes(decimal) ? decimal : group !== '.' && s.includes('.') ? '.' : null;
  let whole = s;
  let frac = '';
  if (dec !== null) {
    const i = s.lastIndexOf(dec);
    whole = s.slice(0, i);
    frac = s.slice(i + 1);
  }
  whole = whole.replace(/[|,]/g, '');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || whole + frac === '') return null;
  return { neg, whole, frac };
}

/**
 * parseAmount reads a money field (see readNumber). More decimals than
 * the currency has are refused, not rounded away.
 */
export function parseAmount(text: string, minorUnits: number, locale = 'en'): ParseResult {
  const n = readNumber(text, locale);
  if (n === null) return { ok: false, reason: 'format' };
  const { neg, whole, frac } = n;
  if (frac.length > minorUnits) return { ok: false, reason: 'decimals' };
  const digits = (whole + frac.padEnd(minorUnits, '0')).replace(/^0+(?=\d)/, '');
  // 10^15 minor units is the backend's bound; it is far inside 2^53.
  if (digits.length > 16 || Number(digits) > 1e15) return { ok: false, reason: 'range' };
  const amount = Number(digits);
  return { ok: true, amount: neg && amount !== 0 ? -amount : amount };
}

/**
 * parseDecimal reads a plain number field (see readNumber) into an exact
 * decimal string ("2,5" in Polish -> "2.5"), or null when it is not one.
 */
export function parseDecimal(text: string, locale = 'en'): string | null {
  const n = readNumber(text, locale);
  if (n === null) return null;
  const whole = n.whole.replace(/^0+(?=\d)/, '') || '0';
  return (n.neg ? '-' : '') + whole + (n.frac ? '.' + n.frac : '');
}

/** formatMoney formats minor units with Intl, passing an exact decimal string. */
export function formatMoney(amount: number, currency: string, minorUnits: number, locale: string): string {
  const nf = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  });
  // Intl accepts decimal strings exactly (ECMA-402 "Intl.NumberFormat v3").
  const s = nf.format(toDecimal(amount, minorUnits) as unknown as number);
  // In Arabic or Persian an amount with a Latin currency sign ("-6,600.00
  // US$") is one left-to-right unit: isolated, it is not torn apart into
  // "$-6,600.00 US" by the sentence around it.
  if (/^(ar|fa|he|ur)\b/.test(locale) && /[A-Za-z]/.test(s)) return '\u2066' + s.replace(/[\u200e\u200f\u061c]/g, '') + '\u2069';
  return s;
}

/** inputText renders minor units for a money input field (no grouping). */
export function inputText(amount: number, minorUnits: number): string {
  return toDecimal(amount, minorUnits);
}

import type { FieldError } from './api';

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
export const amountProblems = ['format', 'decimals', 'range', 'currency'] as const;

export type ParseResult =
  | { ok: true; amount: number }
  | { ok: false; reason: 'format' | 'decimals' | 'range' }
  | { ok: false; reason: 'currency'; currency: string };

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

// The reading below is the importer's (backend/sheet/value.go ParseAmount),
// step for step, so text pasted into the grid, typed into a form or read
// from a workbook is the same amount; backend/sheet/testdata/amounts.json
// holds both to it.

/** currencySigns maps symbols and local spellings to ISO codes, as the importer does. */
const currencySigns: [string, string][] = [
  ['zł', 'PLN'], ['zl', 'PLN'], ['₺', 'TRY'], ['tl', 'TRY'], ['฿', 'THB'], ['บาท', 'THB'],
  ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₪', 'ILS'],
  ['﷼', 'IRR'], ['ریال', 'IRR'], ['ريال', 'SAR'], ['ر.س', 'SAR'], ['د.إ', 'AED'], ['ج.م', 'EGP'],
  ['us$', 'USD'], ['a$', 'AUD'], ['c$', 'CAD'], ['$', 'USD'], ['rs', 'PKR'],
];

/** dotThousands are currencies usually written with a dot between thousands ("₺1.250"). */
const dotThousands = new Set(['EUR', 'PLN', 'TRY', 'IDR', 'BRL', 'DKK', 'NOK']);

let isoCodes: Set<string> | null = null;
function isCurrencyCode(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/** currencyIn returns the ISO code s names: a symbol, a local name or a three-letter code. */
function currencyIn(s: string): string {
  s = s.replace(/^\.+|\.+$/g, '').trim();
  if (/^[a-z]{3}$/i.test(s) && isCurrencyCode(s.toUpperCase())) return s.toUpperCase();
  for (const [sign, code] of currencySigns) if (s === sign) return code;
  for (const f of s.split(/\s+/)) {
    if (f !== '' && f !== s) {
      const c = currencyIn(f);
      if (c) return c;
    }
  }
  return '';
}

/**
 * normaliseDecimal turns "1,234.56", "1.234,56", "1 234,56", "59,99" into
 * "1234.56"-style text, or null. A lone separator before three digits
 * groups thousands ("3,000"), a dot only where dots group thousands.
 */
function normaliseDecimal(s: string, dotGroups: boolean): string | null {
  s = s.replace(/[ '’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal = '';
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const [sep, at] = lastComma >= 0 ? [',', lastComma] : ['.', lastDot];
    const count = s.split(sep).length - 1;
    const after = s.length - at - 1;
    decimal = count > 1 || (after === 3 && (sep === ',' || dotGroups)) ? '' : sep;
  }
  let out = '';
  let seenDecimal = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') out += c;
    else if (c === decimal && !seenDecimal) {
      seenDecimal = true;
      out += '.';
    } else if (c === '.' || c === ',') {
      let j = i + 1;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      if (j - i - 1 !== 3 || seenDecimal) return null;
    } else return null;
  }
  return out;
}

/** MoneyText is an amount read from text: an exact decimal ("-1234.5") and the currency it named ("" for none). */
export interface MoneyText {
  value: string;
  currency: string;
}

/**
 * readMoney reads an amount as marketers write it: "€4,000", "4000 €",
 * "(500)", "-500", "1.234,56 zł", "۱۲۳٬۴۵۶", "USD 10". dotGroups says a
 * lone dot before three digits groups thousands when the text names no
 * currency (the user's language or the field's currency writes them so).
 * Null when the text is not an amount.
 */
export function readMoney(text: string, dotGroups = false): MoneyText | null {
  let s = latinDigits(text)
    .replace(/[\u00a0\u202f\u2009\u200f\u200e\u200c\u061c]/g, ' ')
    .replace(/[−–]/g, '-')
    .trim();
  if (s === '') return null;
  const plain = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s);
  if (plain && !(dotGroups && /^[+-]?\d+\.\d{3}$/.test(s))) {
    const neg = s.startsWith('-');
    let v = s.replace(/^[+-]/, '');
    if (v.startsWith('.')) v = '0' + v;
    return { value: (neg ? '-' : '') + v.replace(/\.$/, ''), currency: '' };
  }
  let neg = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    neg = true;
    s = s.slice(1, -1).trim();
  }
  const start = s.search(/\d/);
  if (start < 0) return null;
  let end = s.length - 1;
  while (!(s[end] >= '0' && s[end] <= '9')) end--;
  const parts = [s.slice(0, start).toLowerCase().trim(), s.slice(end + 1).toLowerCase().trim()];
  const num = s.slice(start, end + 1);
  let cur = '';
  for (let i = 0; i < 2; i++) {
    let p = parts[i];
    if (p === '-' || p === '+' || p === '') continue;
    let sign = '';
    if (p.startsWith('-') || p.endsWith('-')) {
      sign = '-';
      p = p.replace(/^-+|-+$/g, '').trim();
    }
    if (p === '') {
      parts[i] = sign;
      continue;
    }
    const code = currencyIn(p);
    if (!code || (cur !== '' && cur !== code)) return null;
    cur = code;
    parts[i] = sign;
  }
  let [head, tail] = parts;
  if (head === '-' || tail === '-') neg = !neg;
  if (head === '+') head = '';
  if ((head !== '' && head !== '-') || (tail !== '' && tail !== '-')) return null;
  const dec = normaliseDecimal(num, dotThousands.has(cur) || (cur === '' && dotGroups));
  if (dec === null) return null;
  return { value: (neg ? '-' : '') + dec, currency: cur };
}

/**
 * parseAmount reads what a user typed or pasted into a money field, the
 * way the importer reads a workbook (readMoney), into minor units. A
 * currency named in the text must be the field's; decimals past the
 * currency's are refused unless they are zeros, never rounded away.
 */
export function parseAmount(text: string, minorUnits: number, locale = 'en', currency = ''): ParseResult {
  const group = new Intl.NumberFormat(locale).formatToParts(12345.6).find((p) => p.type === 'group')?.value ?? ',';
  const m = readMoney(text, group === '.' || dotThousands.has(currency));
  if (!m) return { ok: false, reason: 'format' };
  if (m.currency !== '' && currency !== '' && m.currency !== currency) return { ok: false, reason: 'currency', currency: m.currency };
  const neg = m.value.startsWith('-');
  const [whole, frac = ''] = m.value.replace(/^-/, '').split('.');
  if (frac.slice(minorUnits).replace(/0+$/, '') !== '') return { ok: false, reason: 'decimals' };
  const digits = (whole + frac.slice(0, minorUnits).padEnd(minorUnits, '0')).replace(/^0+(?=\d)/, '');
  // 10^15 minor units is the backend's bound; it is far inside 2^53.
  if (digits.length > 16 || Number(digits) > 1e15) return { ok: false, reason: 'range' };
  const amount = Number(digits);
  return { ok: true, amount: neg && amount !== 0 ? -amount : amount };
}

/** amountError is the field error shown for an amount parseAmount refused. */
export function amountError(p: Exclude<ParseResult, { ok: true }>, currency: string, minorUnits: number): FieldError {
  const keys = { format: 'money.format', decimals: 'money.decimals', range: 'money.range', currency: 'money.currency' };
  return { key: keys[p.reason], params: { currency, count: minorUnits, found: p.reason === 'currency' ? p.currency : '' } };
}

/** A number as typed, split at its decimal separator. */
interface NumberParts {
  neg: boolean;
  whole: string;
  frac: string;
}

/**
 * readNumber reads what a user typed into a plain number field (a goal): digits with an
 * optional sign, thousands separators (comma, space, apostrophe or the
 * locale's group separator) and one decimal separator (the locale's, or
 * "." when unambiguous). Amounts go through readMoney,
 * which also reads currency signs.
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

/**
 * compactMoney renders minor units in short form for chart axes: 1234567
 * USD cents -> "$12K". Only for ticks; figures a user reads stay exact.
 */
export function compactMoney(amount: number, currency: string, minorUnits: number, locale: string): string {
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return nf.format(toDecimal(Math.round(amount), minorUnits) as unknown as number);
}

/** inputText renders minor units for a money input field (no grouping). */
export function inputText(amount: number, minorUnits: number): string {
  return toDecimal(amount, minorUnits);
}

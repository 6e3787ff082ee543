// How the audit log is shown: field names in the user's language (the
// labels the forms and imports already use) and values formatted as the
// rest of the app formats them.
import type { AuditKind, Change, FieldChange } from './api';
import { formatDayLocal } from './days';
import { formatMoney } from './money';
import { i18n, keyFrom, keyOf, languageNames, t, type MessageKey } from '../i18n/index.svelte';
import { en } from '../i18n/en';
import { importFields } from '../i18n/fields.generated';

/** The app's own label for a field where the import label does not fit, or there is none. */
const fieldKeys: Record<string, MessageKey> = {
  complianceStatus: 'compliance.status',
  complianceReviewer: 'compliance.reviewer',
  complianceDate: 'compliance.date',
  complianceComment: 'compliance.comment',
  customType: 'deliverable.customType',
  metric: 'goal.metric',
  customMetric: 'goal.customMetric',
  target: 'goal.target',
  actual: 'goal.actual',
  unit: 'goal.unit',
  dueDate: 'export.col.dueDate',
  done: 'export.col.done',
  requester: 'export.col.requester',
  purpose: 'export.col.purpose',
  neededBy: 'export.col.neededBy',
  description: 'assets.description',
  source: 'assets.source',
  dpaSigned: 'contract.dpa',
  securityReviewDone: 'contract.security',
  securityReviewDate: 'contract.security_date',
  dataLocation: 'contract.data_location',
  documents: 'contract.documents',
  granularity: 'budget.granularity',
  baseCurrency: 'settings.baseCurrency',
  fiscalYearStart: 'settings.fiscalYearStartMonth',
  language: 'settings.language',
  underuseThreshold: 'settings.underuseThreshold',
  calendar: 'settings.calendar',
  weekStart: 'settings.weekStart',
  files: 'audit.field.files',
  importKind: 'audit.field.import_kind',
  created: 'audit.field.created',
  updated: 'audit.field.updated',
  skipped: 'audit.field.skipped',
  rate: 'audit.field.rate',
};

const importField = new Set<string>(importFields);

/** fieldLabel names a field of a change in the user's language. */
export function fieldLabel(kind: AuditKind, field: string): string {
  const period = /^period\.(\d+)$/.exec(field);
  if (period) return t('audit.field.period', { period: Number(period[1]) });
  if (kind === 'settings' && field === 'name') return t('settings.name');
  const key = fieldKeys[field];
  if (key) return t(key);
  if (importField.has(field)) return t(keyFrom('import.field.', field));
  return field;
}

/** The catalog prefix naming the values of a field that holds one of a list of choices. */
function choicePrefix(kind: AuditKind, field: string): string | null {
  if (field === 'status') {
    const byKind: Partial<Record<AuditKind, string>> = {
      campaign: 'status.',
      deliverable: 'dstatus.',
      contract: 'cstatus.',
      spend: 'sstatus.',
      request: 'rstatus.',
    };
    return byKind[kind] ?? null;
  }
  if (field === 'type') return kind === 'asset' ? 'atype.' : kind === 'deliverable' ? 'dtype.' : null;
  const byField: Record<string, string> = {
    complianceStatus: 'review.',
    metric: 'metric.',
    billingCycle: 'cycle.',
    importKind: 'import.kind.',
  };
  if (kind === 'vendor' && field === 'category') return 'vcat.';
  return byField[field] ?? null;
}

/** MinorUnits tells how many decimals a currency has. */
export type MinorUnits = (currency: string) => number;

/** formatValue shows one value of a field (before or after) as the app shows such a value; '' for none. */
export function formatValue(kind: AuditKind, f: FieldChange, value: unknown, minorUnits: MinorUnits): string {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'settings') {
    const shown = settingValue(f.field, value);
    if (shown !== null) return shown;
  }
  switch (f.type) {
    case 'money': {
      const m = value as { amount: number; currency: string | null };
      // An entry without its currency (a store bug) still shows, as the stored number.
      if (!m.currency) return i18n.number(m.amount);
      return formatMoney(m.amount, m.currency, minorUnits(m.currency), i18n.locale);
    }
    case 'date':
      return formatDayLocal(String(value), i18n.dateLocale);
    case 'bool':
      return value === true ? t('common.yes') : t('common.no');
    case 'number':
      return typeof value === 'number' ? i18n.number(value) : i18n.number(Number(value)) || String(value);
    case 'list':
      return Array.isArray(value) ? i18n.names(value.map(String)) : String(value);
  }
  const s = String(value);
  if (f.field === 'language') return languageNames[s] ?? s;
  if (f.field === 'granularity') return t(s === 'quarter' ? 'budget.per_quarter' : 'budget.per_month');
  const prefix = choicePrefix(kind, f.field);
  if (prefix) {
    const key = prefix + s;
    if (i18n.has(key)) return t(key);
  }
  return s;
}

/** settingValue names a workspace setting's value as the Settings page does: months, weekdays, calendars. */
function settingValue(field: string, value: unknown): string | null {
  const n = Number(value);
  switch (field) {
    case 'fiscalYearStart':
      return n >= 1 && n <= 12 ? i18n.monthNames('long')[n - 1] : null;
    case 'weekStart':
      // 7 Jan 2024 was a Sunday (0).
      return n >= 0 && n <= 6 ? new Intl.DateTimeFormat(i18n.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + n))) : null;
    case 'calendar': {
      const key = 'calendar_system.' + String(value);
      return i18n.has(key) ? t(key) : null;
    }
  }
  return null;
}

/** whoLabel names who made a change: the person, or "you" in the local workspace. */
export function whoLabel(c: Change): string {
  return c.memberId === 0 && c.who === '' ? t('audit.you') : c.who;
}

/** whenLabel is the moment of a change in the user's language and calendar. */
export function whenLabel(c: Change): string {
  return new Intl.DateTimeFormat(i18n.dateLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(c.at));
}

/** The kinds of records, in the order the log's filter offers them. */
export const auditKinds: AuditKind[] = [
  'campaign',
  'deliverable',
  'milestone',
  'goal',
  'budget_line',
  'fiscal_year',
  'fx_rate',
  'planning_rate',
  'spend',
  'request',
  'vendor',
  'contract',
  'asset',
  'team',
  'channel',
  'category',
  'settings',
  'import',
];

/** kindLabel names a kind of record. */
export function kindLabel(kind: AuditKind): string {
  return t(keyOf('audit.kind.', kind));
}

/** actionLabel names what a change did. */
export function actionLabel(c: Change): string {
  return t(keyOf('audit.action.', c.action));
}

/** recordLink is where a record of the log opens, when it has a page. */
export function recordLink(c: Change): string | null {
  if (c.action === 'deleted') return null;
  switch (c.kind) {
    case 'campaign':
      return `#/campaigns/${c.recordId}`;
    case 'contract':
      return `#/contracts/${c.recordId}`;
    case 'asset':
      return `#/assets/${c.recordId}`;
  }
  return null;
}

/** exportFieldKeys are the fields an export of the log names, with the budget periods. */
export function exportFieldLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = new Set<string>([...Object.keys(fieldKeys), ...importFields]);
  for (const f of fields) out[f] = fieldLabel('campaign', f);
  for (let p = 1; p <= 12; p++) out['period.' + p] = fieldLabel('budget_line', 'period.' + p);
  return out;
}

/** The fields whose values are choices the catalog names. */
const choiceFields = ['status', 'type', 'complianceStatus', 'metric', 'billingCycle', 'importKind', 'category'];

/** exportValueLabels names every choice a field of the log may hold, keyed "kind.field=value", for an export. */
export function exportValueLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of auditKinds) {
    for (const field of choiceFields) {
      const prefix = choicePrefix(kind, field);
      if (!prefix) continue;
      for (const key of Object.keys(en) as MessageKey[]) {
        if (key.startsWith(prefix)) out[`${kind}.${field}=${key.slice(prefix.length)}`] = t(key);
      }
    }
  }
  return out;
}

import type { ConflictField, ConflictRow } from './conflict';
import type { Asset, Licence, ListItem, Money } from './api';
import { formatDayLocal } from './days';
import { formatMoney } from './money';
import { lists } from './stores/lists.svelte';
import { settings } from './stores/settings.svelte';
import { i18n, keyFrom, messageKey, t, type KeyPrefix, type MessageKey } from '../i18n/index.svelte';

// The fields each record's conflict dialog compares, labelled as its form
// labels them and shown as the app shows them elsewhere.

const day = (v: unknown) => (v ? formatDayLocal(String(v), i18n.locale) : '—');
const money = (v: unknown) => {
  const m = v as Money | null;
  return m && m.currency ? formatMoney(m.amount, m.currency, settings.minorUnits(m.currency), i18n.locale) : '—';
};
const baseMoney = (v: unknown) => {
  const base = settings.value?.baseCurrency ?? 'USD';
  return formatMoney(Number(v ?? 0), base, settings.minorUnits(base), i18n.locale);
};
const yesNo = (v: unknown) => t(v ? 'common.yes' : 'common.no');
const choice = (prefix: KeyPrefix) => (v: unknown) => (v ? t(keyFrom(prefix, String(v))) : '—');
const named = (items: () => ListItem[]) => (v: unknown) => {
  const ids = Array.isArray(v) ? (v as number[]) : v ? [Number(v)] : [];
  return ids.length ? i18n.list(ids.map((id) => items().find((x) => x.id === id)?.name ?? `#${id}`)) : '—';
};
const list = (v: unknown) => (Array.isArray(v) && v.length ? i18n.list(v.map(String)) : '—');
const number = (v: unknown) => new Intl.NumberFormat(i18n.locale).format(Number(v ?? 0));
/** ids shows references the form holds only by number (a campaign picked elsewhere). */
const ids = (v: unknown) => {
  const all = (Array.isArray(v) ? v : [v]).filter((x) => Number(x) > 0).map((x) => '#' + number(x));
  return all.length ? i18n.list(all) : '—';
};

function field(key: string, label: MessageKey, show?: (v: unknown) => string): ConflictField {
  return { key, label: t(label), show };
}

export function campaignFields(): ConflictField[] {
  return [
    field('name', 'campaign.name'),
    field('objective', 'campaign.objective'),
    field('teamId', 'campaign.team', named(() => lists.teams)),
    field('owner', 'campaign.owner'),
    field('channelIds', 'campaign.channels', named(() => lists.channels)),
    field('tags', 'campaign.tags', list),
    field('status', 'campaign.status', choice('status.')),
    field('startDate', 'campaign.startDate', day),
    field('endDate', 'campaign.endDate', day),
    field('budget', 'campaign.budget', money),
    { key: 'attributedRevenue', label: t('campaign.revenue', { currency: settings.value?.baseCurrency ?? '' }), show: baseMoney },
    field('notes', 'campaign.notes'),
    field('compliance', 'compliance.title', (v) => {
      const c = v as { status: string; reviewer: string; date: string; comment: string } | null;
      return c ? [t(keyFrom('review.', c.status)), c.reviewer, c.date && day(c.date), c.comment].filter(Boolean).join(' · ') : '—';
    }),
  ];
}

export function deliverableFields(): ConflictField[] {
  return [
    field('title', 'deliverable.title'),
    field('type', 'deliverable.type', choice('dtype.')),
    field('customType', 'deliverable.type'),
    field('publishDate', 'deliverable.publishDate', day),
    field('channelId', 'campaign.channel', named(() => lists.channels)),
    field('owner', 'campaign.owner'),
    field('status', 'deliverable.status', choice('dstatus.')),
    field('notes', 'campaign.notes'),
  ];
}

export function milestoneFields(): ConflictField[] {
  return [field('title', 'milestone.title'), field('owner', 'campaign.owner'), field('dueDate', 'milestone.dueDate', day), field('done', 'milestone.done', yesNo)];
}

export function goalFields(): ConflictField[] {
  return [
    field('metric', 'goal.metric', choice('metric.')),
    field('customMetric', 'goal.customMetric'),
    field('target', 'goal.target'),
    field('actual', 'goal.actual'),
    field('unit', 'goal.unit'),
    field('dueDate', 'goal.dueDate', day),
  ];
}

export function spendFields(): ConflictField[] {
  return [
    field('date', 'spend.date', day),
    field('amount', 'spend.amount', money),
    field('teamId', 'campaign.team', named(() => lists.teams)),
    field('categoryId', 'budget.category', named(() => lists.categories)),
    field('vendor', 'spend.vendor'),
    field('campaignId', 'spend.campaign', ids),
    field('status', 'spend.status', choice('sstatus.')),
    field('reference', 'spend.reference'),
    field('note', 'campaign.notes'),
  ];
}

export function vendorFields(): ConflictField[] {
  return [
    field('name', 'vendor.name'),
    field('website', 'vendor.website'),
    field('category', 'vendor.category', choice('vcat.')),
    field('contacts', 'vendor.contacts'),
    field('notes', 'campaign.notes'),
  ];
}

export function contractFields(): ConflictField[] {
  return [
    field('product', 'contract.product'),
    field('owner', 'campaign.owner'),
    field('teamId', 'campaign.team', named(() => lists.teams)),
    field('categoryId', 'budget.category', named(() => lists.categories)),
    field('cost', 'contract.cost', money),
    field('billingCycle', 'contract.cycle', choice('cycle.')),
    field('startDate', 'campaign.startDate', day),
    field('termMonths', 'contract.term', number),
    field('renewalDate', 'contract.renewal', day),
    field('autoRenew', 'contract.auto_renew', yesNo),
    field('noticeDays', 'contract.notice', number),
    field('seatsPurchased', 'contract.seats_purchased', number),
    field('seatsUsed', 'contract.seats_used', number),
    field('status', 'contract.status', choice('cstatus.')),
    field('dpaSigned', 'contract.dpa', yesNo),
    field('securityReviewDone', 'contract.security', yesNo),
    field('securityReviewDate', 'contract.security_date', day),
    field('dataLocation', 'contract.data_location'),
    field('notes', 'campaign.notes'),
    field('reminders', 'contract.reminders', (v) => {
      const rs = (v as { kind: string; daysBefore: number }[] | null) ?? [];
      return rs.length ? i18n.list(rs.map((r) => `${t(messageKey('contract.remind_' + r.kind))} (${t('contract.reminder_days')}: ${number(r.daysBefore)})`)) : '—';
    }),
  ];
}

export function assetFields(): ConflictField[] {
  return [
    field('title', 'assets.field_title'),
    field('type', 'assets.type', choice('atype.')),
    field('tags', 'campaign.tags', list),
    field('description', 'assets.description'),
    field('source', 'assets.source'),
    field('campaignIds', 'assets.campaigns', ids),
    field('licence', 'licence.type', (v) => {
      const l = v as { type: string; holder: string; usageRights: string; start: string; expiry: string } | null;
      return l ? [l.type, l.holder, l.usageRights, l.start && day(l.start), l.expiry && day(l.expiry)].filter(Boolean).join(' · ') || '—' : '—';
    }),
  ];
}

/** requestFields are what a decision depends on: a request decided or changed meanwhile. */
export function requestFields(): ConflictField[] {
  return [field('status', 'spend.status', choice('rstatus.')), field('amount', 'spend.amount', money), field('purpose', 'request.purpose'), field('date', 'request.date', day)];
}

/** assetBulkRow sets an asset as stored now beside what a bulk edit (tags added, perhaps a licence) would make of it. */
export function assetBulkRow(a: Asset, tags: string[], licence: Licence | null): ConflictRow {
  const show = (tagList: string[], l: Licence) => [i18n.list(tagList), l.type, l.holder, l.expiry && day(l.expiry)].filter(Boolean).join(' · ') || '—';
  return { key: String(a.id), label: a.title, by: 'them', theirs: show(a.tags, a.licence), mine: show([...a.tags, ...tags], licence ?? a.licence) };
}

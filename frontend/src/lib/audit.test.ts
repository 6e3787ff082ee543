import { afterEach, describe, expect, it } from 'vitest';
import type { Change, FieldChange } from './api';
import { exportFieldLabels, exportValueLabels, fieldLabel, formatValue, whoLabel } from './audit';
import { i18n } from '../i18n/index.svelte';

const minor = (c: string) => (c === 'JPY' ? 0 : c === 'KWD' ? 3 : 2);
const f = (field: string, type: string): FieldChange => ({ field, type, before: null, after: null });

afterEach(() => {
  i18n.locale = 'en';
  i18n.calendar = 'gregory';
});

describe('the history of a record', () => {
  it('names fields with the labels the app already has', () => {
    expect(fieldLabel('campaign', 'startDate')).toBe('Start date');
    expect(fieldLabel('campaign', 'budget')).toBe('Budget');
    expect(fieldLabel('campaign', 'complianceStatus')).toBe('Review');
    expect(fieldLabel('contract', 'dpaSigned')).toBe('DPA signed');
    expect(fieldLabel('settings', 'name')).toBe('Workspace name');
    expect(fieldLabel('budget_line', 'period.3')).toBe('Period 3');
    i18n.locale = 'pl';
    expect(fieldLabel('campaign', 'startDate')).not.toBe('Start date');
  });

  it('formats money in its currency, dates in the calendar, choices in the language', () => {
    expect(formatValue('campaign', f('budget', 'money'), { amount: 1_250_050, currency: 'USD' }, minor)).toBe('$12,500.50');
    expect(formatValue('spend', f('amount', 'money'), { amount: 1500, currency: 'JPY' }, minor)).toBe('¥1,500');
    expect(formatValue('campaign', f('startDate', 'date'), '2026-03-01', minor)).toBe('Mar 1, 2026');
    expect(formatValue('campaign', f('status', 'text'), 'live', minor)).toBe('Live');
    expect(formatValue('deliverable', f('status', 'text'), 'published', minor)).not.toBe('published');
    expect(formatValue('contract', f('autoRenew', 'bool'), true, minor)).toBe('Yes');
    expect(formatValue('campaign', f('tags', 'list'), ['q1', 'emea'], minor)).toBe('q1, emea');
    expect(formatValue('campaign', f('name', 'text'), null, minor)).toBe('');
    expect(formatValue('contract', f('seatsUsed', 'number'), 1200, minor)).toBe('1,200');
    expect(formatValue('budget_line', f('period.1', 'money'), { amount: 120000, currency: null }, minor)).toBe('120,000');
    expect(formatValue('settings', f('fiscalYearStart', 'number'), 4, minor)).toBe('April');
    expect(formatValue('settings', f('weekStart', 'number'), 1, minor)).toBe('Monday');
    expect(formatValue('settings', f('calendar', 'text'), 'persian', minor)).not.toBe('persian');
    // A value the app has no word for is shown as stored.
    expect(formatValue('campaign', f('owner', 'text'), 'Dana', minor)).toBe('Dana');
  });

  it('writes dates and money in the language and calendar of the user', () => {
    i18n.locale = 'fa';
    i18n.calendar = 'persian';
    expect(formatValue('campaign', f('startDate', 'date'), '2026-03-21', minor)).toContain('۱۴۰۵');
    expect(formatValue('campaign', f('budget', 'money'), { amount: 5000, currency: 'KWD' }, minor)).toContain('۵');
    i18n.locale = 'th';
    i18n.calendar = 'buddhist';
    expect(formatValue('campaign', f('startDate', 'date'), '2026-03-21', minor)).toContain('2569');
  });

  it('shows the local workspace as you, and a member by name', () => {
    const c = { memberId: 0, who: '' } as Change;
    expect(whoLabel(c)).toBe('You');
    expect(whoLabel({ ...c, memberId: 4, who: 'Dana' })).toBe('Dana');
  });

  it('gives an export the words of every field, budget periods included', () => {
    i18n.locale = 'tr';
    const labels = exportFieldLabels();
    expect(labels['period.12']).toContain('12');
    expect(labels['startDate']).toBe(fieldLabel('campaign', 'startDate'));
    const values = exportValueLabels();
    expect(values['campaign.status=live']).toBe(formatValue('campaign', f('status', 'text'), 'live', minor));
    expect(values['contract.billingCycle=annual']).toBeTruthy();
    expect(values['campaign.type=blog']).toBeUndefined();
  });
});

import type { ResultLabels } from './api/generated';
import { t } from '../i18n/index.svelte';

/** resultChartWords are the words of the results charts (funnel, trend) in the user's language. */
export function resultChartWords(): ResultLabels {
  return {
    funnel: t('results.funnel'),
    trend: t('results.trend'),
    stages: {
      leads: t('results.leads'),
      mqls: t('results.mqls'),
      sqls: t('results.sqls'),
      opportunities: t('results.opportunities'),
      won: t('results.won'),
    },
  };
}

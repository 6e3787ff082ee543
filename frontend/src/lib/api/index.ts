// The typed API: the only way components reach the backend.
export * from './assets';
export * from './audit';
export * from './backups';
export * from './budget';
export * from './campaigns';
export * from './contracts';
export * from './dashboard';
export * from './imports';
export * from './charts';
export * from './lists';
export * from './people';
export * from './planning';
export * from './results';
export * from './workspace';
export { AppError, type FieldError, type LastChange } from './errors';
export type { CallOptions, Step } from './transport';
export type * from './types';
export type * from './types-backups';
export {
  assetTypes,
  billingCycles,
  campaignStatuses,
  contractStatuses,
  deliverableStatuses,
  deliverableTypes,
  goalMetrics,
  reviewStatuses,
  spendStatuses,
  vendorCategories,
} from './types';

// The typed API: the only way components reach the backend.
export * from './budget';
export * from './campaigns';
export * from './charts';
export * from './lists';
export * from './planning';
export * from './workspace';
export { AppError, type FieldError } from './errors';
export type * from './types';
export { campaignStatuses, deliverableStatuses, deliverableTypes, goalMetrics, reviewStatuses, spendStatuses } from './types';

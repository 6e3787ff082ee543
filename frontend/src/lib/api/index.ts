// The typed API: the only way components reach the backend.
export * from './campaigns';
export * from './charts';
export * from './lists';
export * from './workspace';
export { AppError, type FieldError } from './errors';
export type * from './types';
export { campaignStatuses, reviewStatuses } from './types';

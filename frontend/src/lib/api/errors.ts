/** A problem with one field: a catalog key and its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}

export type ErrorCode =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'internal'
  | 'newer_version'
  | 'damaged'
  | 'disk_full'
  | 'read_only'
  | 'busy'
  | 'in_use'
  | 'canceled'
  | 'unauthorized'
  | 'forbidden'
  | 'locked'
  | 'unreachable'
  | 'certificate_changed';

/** AppError is what every api function throws. Branch on `code`, never on `message`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, FieldError>;
  /** current is, for a conflict, the record as stored now (someone else saved it after it was shown). */
  readonly current: unknown;
  /** changed is, for a conflict, who last changed the record and when (backend.LastChange). */
  readonly changed: LastChange | undefined;

  constructor(code: ErrorCode, message: string, fields: Record<string, FieldError> = {}, current: unknown = undefined, changed: LastChange | undefined = undefined) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.current = current;
    this.changed = changed;
  }
}

/** LastChange is who last changed a record and when, as the audit log has it (backend.LastChange). */
export interface LastChange {
  /** by is the person's name; "" in the local workspace (one person, another window). */
  by: string;
  /** byId is their member id; 0 in the local workspace. */
  byId: number;
  /** at is when, UTC RFC 3339. */
  at: string;
}

function lastChange(v: unknown): LastChange | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Partial<LastChange>;
  if (typeof c.at !== 'string') return undefined;
  return { by: typeof c.by === 'string' ? c.by : '', byId: typeof c.byId === 'number' ? c.byId : 0, at: c.at };
}

const codes: ErrorCode[] = [
  'invalid',
  'not_found',
  'conflict',
  'internal',
  'newer_version',
  'damaged',
  'disk_full',
  'read_only',
  'busy',
  'in_use',
  'canceled',
  'unauthorized',
  'forbidden',
  // The codes of the desktop window's connection to a team host.
  'unreachable',
  'certificate_changed',
];

const watchers = new Set<(e: AppError) => void>();

/**
 * watchErrors lets cb see every error a backend call fails with (the
 * session store watches for "unauthorized"); it returns the unsubscribe.
 */
export function watchErrors(cb: (e: AppError) => void): () => void {
  watchers.add(cb);
  return () => watchers.delete(cb);
}

/** reported shows e to the watchers and returns it, for the transports to throw. */
export function reported(e: AppError): AppError {
  for (const w of watchers) w(e);
  return e;
}

/** canceled is the error a call rejects with when its signal was aborted. */
export function canceled(): AppError {
  return new AppError('canceled', 'The work was cancelled; nothing was changed.');
}

/**
 * toAppError turns whatever a transport rejected with into an AppError:
 * the backend's {code, message, fields} payload, a plain string (Wails
 * reports argument decoding problems that way) or a thrown Error.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const p = e as { code: unknown; message: unknown; fields?: unknown; current?: unknown; changed?: unknown };
    const code = codes.includes(p.code as ErrorCode) ? (p.code as ErrorCode) : 'internal';
    const fields = p.fields && typeof p.fields === 'object' ? (p.fields as Record<string, FieldError>) : {};
    return new AppError(code, String(p.message), fields, p.current ?? undefined, lastChange(p.changed));
  }
  if (typeof e === 'string') return new AppError('internal', e);
  if (e instanceof Error) return new AppError('internal', e.message);
  return new AppError('internal', String(e));
}

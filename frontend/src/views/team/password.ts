// What the frontend checks of a new password before it asks the backend,
// which applies the strength rules (backend.ValidatePassword) and answers
// with a field error at the field. Sign-up, a reset and a change of one's
// own password check the same.
import type { FieldError } from '../../lib/api';

/**
 * checkNewPassword adds to errors what is wrong with a new password and
 * its repetition: the password field empty, or the two differing.
 */
export function checkNewPassword(
  errors: Record<string, FieldError>,
  fields: { password: string; confirm: string },
  password: string,
  confirm: string,
): void {
  if (!password.trim()) errors[fields.password] = { key: 'field.required' };
  else if (confirm !== password) errors[fields.confirm] = { key: 'team.password_mismatch' };
}

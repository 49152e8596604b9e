/** The admin endpoints' refusals in the reader's language; anything else as every other request error. */
import { ApiRequestError } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { errorText } from '../errorText';

const CODE_KEYS: Record<string, MessageKey> = {
  unsupported_media_type: 'admin.error.unsupported_media_type',
  media_type_mismatch: 'admin.error.media_type_mismatch',
  upload_too_large: 'admin.error.upload_too_large',
  too_many_uploads: 'admin.error.too_many_uploads',
  rejected_rows: 'admin.error.rejected_rows',
  nothing_to_import: 'admin.error.nothing_to_import',
  upload_not_validated: 'admin.error.upload_not_validated',
  import_running: 'admin.error.import_running',
  unknown_upload: 'admin.error.unknown_upload',
  unknown_version: 'admin.error.unknown_version',
  empty_upload: 'admin.error.empty_upload',
  unknown_value: 'admin.error.unknown_value',
  // Accounts (the users tab), and the two refusals of any audited change: nothing was changed.
  invalid_username: 'admin.error.invalid_username',
  weak_password: 'admin.error.weak_password',
  user_exists: 'admin.error.user_exists',
  unknown_user: 'admin.error.unknown_user',
  own_account: 'admin.error.own_account',
  audit_unavailable: 'admin.error.audit_unavailable',
  state_unavailable: 'admin.error.state_unavailable',
};

export function adminErrorText(error: Error, t: Translate): string {
  const key = error instanceof ApiRequestError ? CODE_KEYS[error.code] : undefined;
  return key ? t(key) : errorText(error, t);
}

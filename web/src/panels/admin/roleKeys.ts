/** The roles' names in the reader's language (the same words as the header's). */
import type { Role } from '#contract';
import type { MessageKey } from '../../i18n/i18n';

export const ROLE_KEYS: Record<Role, MessageKey> = { viewer: 'role.viewer', analyst: 'role.analyst', admin: 'role.admin' };

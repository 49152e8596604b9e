/** Who sees small tip/event counts: only admins see them unsuppressed. */
import type { Session } from '../auth/sessions';

export function suppressionK(session: Session | null, k: number): number {
  return session?.role === 'admin' ? 0 : k;
}

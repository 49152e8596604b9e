/** What middleware puts on the request context, typed for every handler. */
import type { Dataset } from '../dataset/dataset';
import type { Session } from '../auth/sessions';

export interface AppEnv {
  Variables: {
    /** Set by `requireDataset` on every data route. */
    dataset: Dataset;
    /** Set by the session middleware on every request; null when not logged in. */
    session: Session | null;
  };
}

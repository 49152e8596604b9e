/** What middleware puts on the request context, typed for every handler. */
import type { Dataset } from '../dataset/dataset';
import type { Session } from '../auth/sessions';
import type { FigureSource } from '../services/figures/figure-source';

export interface AppEnv {
  Variables: {
    /** Set by `requireDataset` on every data route. */
    dataset: Dataset;
    /** Tip and event figures for this role (exact for admins, protected below): set with the data set. */
    figures: FigureSource;
    /** Set by the session middleware on every request; null when not logged in. */
    session: Session | null;
  };
}

/** Which content encoding a client takes: by its Accept-Encoding q-values, ties to brotli. */
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';

/** Our preference when the client weighs several equally: brotli compresses best. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];
const IDENTITY = 'identity';

/**
 * The encoding to answer in, by the client's q-values ("gzip, br;q=0" refuses brotli; "*" stands
 * for any encoding not named), ties broken by our preference; null for none.
 */
export function negotiatedEncoding(c: Context): Encoding | null {
  const chosen = accepts(c, {
    header: 'Accept-Encoding',
    supports: [...ENCODINGS],
    default: IDENTITY,
    match: (offers, { supports, default: fallback }) => {
      const quality = (encoding: string) => (offers.find((o) => o.type.toLowerCase() === encoding) ?? offers.find((o) => o.type === '*'))?.q ?? 0;
      let best = fallback;
      let bestQuality = 0;
      for (const encoding of supports) {
        const q = quality(encoding);
        if (q > bestQuality) [best, bestQuality] = [encoding, q];
      }
      return best;
    },
  });
  return chosen === IDENTITY ? null : (chosen as Encoding);
}

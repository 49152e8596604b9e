/**
 * The standard normal distribution: CDF and two-sided p-values, accurate to about 1e-15
 * (relative, also far in the tails, where a p-value of 1e-12 must not round to 0).
 *
 * erfc follows W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Mathematics of Computation 23 (1969) 631–637, as coded in Cody's SPECFUN routine CALERF
 * (netlib.org/specfun/erf): three rational approximations on |x| ≤ 0.46875, ≤ 4 and > 4.
 */

/** Below this |x|, erf is evaluated directly (first Cody interval). */
const ERF_DIRECT_LIMIT = 0.46875;
/** Between ERF_DIRECT_LIMIT and this, erfc uses Cody's second rational approximation. */
const ERFC_MIDDLE_LIMIT = 4;
/** Below this, x² underflows relative to 1 and erf(x) = 2x/√π to double precision. */
const X_SMALL = 1.11e-16;
/** Above this, erfc(x) underflows to 0 in double precision (Cody's XBIG). */
const X_BIG = 26.543;
/** exp(−x²) is split at a multiple of 1/16 to keep its rounding error small (Cody's trick). */
const SPLIT_STEP = 16;
/** 1/√π. */
const INV_SQRT_PI = 5.6418958354775628695e-1;

const A = [3.1611237438705656, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1] as const;
const B = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3] as const;
const C = [
  5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2,
  1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
] as const;
const D = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3,
  4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
] as const;
const P = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2] as const;
const Q = [2.56852019228982242, 1.87295284992346047, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3] as const;

/** exp(−y²) computed as exp(−s²)·exp(−(y−s)(y+s)) with s = y rounded down to 1/16. */
function expMinusSquare(y: number): number {
  const rounded = Math.trunc(y * SPLIT_STEP) / SPLIT_STEP;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded) * Math.exp(-remainder);
}

/** erfc(y) for y > ERF_DIRECT_LIMIT (both Cody erfc intervals). */
function erfcPositiveTail(y: number): number {
  if (y <= ERFC_MIDDLE_LIMIT) {
    let numerator = C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i += 1) {
      numerator = (numerator + C[i]!) * y;
      denominator = (denominator + D[i]!) * y;
    }
    return expMinusSquare(y) * ((numerator + C[7]) / (denominator + D[7]));
  }
  if (y >= X_BIG) return 0;
  const inverseSquare = 1 / (y * y);
  let numerator = P[5] * inverseSquare;
  let denominator = inverseSquare;
  for (let i = 0; i < 4; i += 1) {
    numerator = (numerator + P[i]!) * inverseSquare;
    denominator = (denominator + Q[i]!) * inverseSquare;
  }
  const correction = (inverseSquare * (numerator + P[4])) / (denominator + Q[4]);
  return expMinusSquare(y) * ((INV_SQRT_PI - correction) / y);
}

/**
 * Complementary error function erfc(x) = 1 − erf(x) = (2/√π) ∫ₓ^∞ e^(−t²) dt (Cody 1969).
 * NaN gives NaN.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= ERF_DIRECT_LIMIT) {
    const square = y > X_SMALL ? y * y : 0;
    let numerator = A[4] * square;
    let denominator = square;
    for (let i = 0; i < 3; i += 1) {
      numerator = (numerator + A[i]!) * square;
      denominator = (denominator + B[i]!) * square;
    }
    return 1 - (x * (numerator + A[3])) / (denominator + B[3]);
  }
  const tail = erfcPositiveTail(y);
  return x < 0 ? 2 - tail : tail;
}

/** Standard normal CDF Φ(z) = ½·erfc(−z/√2). Φ(1.96) = 0.9750021048517795. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * Math.SQRT1_2);
}

/**
 * Two-sided p-value of a standard normal test statistic: P(|Z| ≥ |z|) = erfc(|z|/√2).
 * p(1.96) = 0.04999579029644087; p(0) = 1; p(±∞) = 0.
 */
export function twoSidedPValue(z: number): number {
  return erfc(Math.abs(z) * Math.SQRT1_2);
}

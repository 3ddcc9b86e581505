/*
 * Money in cents and quantities in thousandths, as integers: the demo computes order totals the way
 * PostgreSQL's NUMERIC does, to the cent, without floating point.
 */

/** round(quantity × unit_price × (100 − discount_pct) / 100, 2), as the generated column computes it. */
export function lineAmountCents(quantityMilli: number, priceCents: number, discountBasisPoints: number): bigint {
  const numerator = BigInt(quantityMilli) * BigInt(priceCents) * BigInt(10_000 - discountBasisPoints);
  const denominator = 10_000_000n;
  // NUMERIC rounds halves away from zero; every amount here is positive.
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export function centsToText(cents: bigint | number): string {
  const value = BigInt(cents);
  return `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
}

export function milliToText(milli: number): string {
  const magnitude = Math.abs(milli);
  return `${milli < 0 ? '-' : ''}${Math.floor(magnitude / 1000)}.${String(magnitude % 1000).padStart(3, '0')}`;
}

import { fromThousandths, toThousandths } from '../inventory/quantity.js';

export interface PricedQuantity {
  quantity: string;
  unitPrice: string;
}

/**
 * The order lines of a won opportunity, priced so their amounts add up to the agreed amount to
 * the fen. A line's amount is quantity × unit price rounded to the fen (as sales_order_items
 * computes it), so 256 000.00 over 30 t at one price gives 8533.33/t and 255 999.90. One line
 * when a price per unit gives the amount exactly; otherwise the quantity is split between two
 * adjacent prices (20 t × 8533.33 + 10 t × 8533.34 = 256 000.00), never a rounded total. Null
 * when no such split exists (a quantity of a few kilograms against a large amount).
 */
export function exactOrderLines(amount: string, quantity: string): PricedQuantity[] | null {
  const fen = toFen(amount);
  const milli = toThousandths(quantity);
  if (fen <= 0n || milli <= 0n) return null;
  const lineFen = (q: bigint, price: bigint) => roundHalfUp(q * price, 1000n);
  const low = (fen * 1000n) / milli;
  for (const price of [low, low + 1n]) {
    if (price > 0n && lineFen(milli, price) === fen) return [{ quantity, unitPrice: fenText(price) }];
  }
  if (low <= 0n) return null;
  // At `low` the amount falls short by `gap` thousandths of a fen; each thousandth of a unit moved to
  // the next fen up adds one. Rounding each line may leave it a fen off, so the neighbours are tried.
  const gap = fen * 1000n - milli * low;
  for (let offset = 0n; offset <= 2000n; offset += 1n) {
    for (const upper of offset === 0n ? [gap] : [gap + offset, gap - offset]) {
      if (upper <= 0n || upper >= milli) continue;
      if (lineFen(milli - upper, low) + lineFen(upper, low + 1n) === fen) {
        return [
          { quantity: fromThousandths(milli - upper), unitPrice: fenText(low) },
          { quantity: fromThousandths(upper), unitPrice: fenText(low + 1n) },
        ];
      }
    }
  }
  return null;
}

function toFen(amount: string): bigint {
  const [whole, fraction = ''] = amount.trim().split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

function fenText(fen: bigint): string {
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

/** numerator ÷ denominator rounded half up, as PostgreSQL rounds a positive NUMERIC. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (2n * denominator);
}

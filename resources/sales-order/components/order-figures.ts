/**
 * A line's amount as the screen shows it while the rep types, worked out exactly as PostgreSQL
 * stores it (round(quantity × unit_price × (100 − discount_pct) / 100, 2), half away from zero), in
 * whole fen with BigInt so no binary fraction creeps in. Display only: the database keeps the figure.
 */
const QUANTITY = /^(\d{1,11})(?:\.(\d{1,3}))?$/;
const MONEY = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** The amount in fen, or null while a value is missing or not a number the server would take. */
export function lineAmountFen(quantity: string, unitPrice: string, discountPct: string): bigint | null {
  const thousandths = scaled(quantity, QUANTITY, 3);
  const fen = scaled(unitPrice, MONEY, 2);
  const discount = discountPct.trim() === '' ? BigInt(0) : scaled(discountPct, PERCENT, 2);
  if (thousandths === null || fen === null || discount === null || discount > BigInt(10_000)) return null;
  // thousandths × fen × (10000 − discount in hundredths of a percent) is the amount in fen × 10^7.
  const exact = thousandths * fen * (BigInt(10_000) - discount);
  const unit = BigInt(10_000_000);
  return (exact + unit / BigInt(2)) / unit;
}

export function sumFen(amounts: Array<bigint | null>): bigint {
  return amounts.reduce<bigint>((total, amount) => total + (amount ?? BigInt(0)), BigInt(0));
}

/** 1234567 fen → '12,345.67', as the lists show money. */
export function yuanText(fen: bigint | null): string {
  if (fen === null) return '';
  const yuan = (fen / BigInt(100)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${(fen % BigInt(100)).toString().padStart(2, '0')}`;
}

function scaled(text: string, pattern: RegExp, decimals: number): bigint | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1]) * BigInt(10 ** decimals) + BigInt((match[2] ?? '').padEnd(decimals, '0') || '0');
}

/**
 * The company's clock: Beijing time, as the dashboard's periods use it (dashboards/dashboard-filters.ts).
 * A month of lifting, a fuel card's day and a shipment's day are days here, wherever the server runs.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

// en-CA writes dates as YYYY-MM-DD. Made once: a formatter costs far more to build than to use.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The company's calendar day of a moment, 'YYYY-MM-DD'. */
export function businessDayOf(moment: Date): string {
  return DAY_FORMAT.format(moment);
}

/** The first day of the company's month of a moment. */
export function businessMonthOf(moment: Date): string {
  return `${businessDayOf(moment).slice(0, 7)}-01`;
}

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/**
 * Demo dates are "so many days before the load", so this month always has orders whichever day the
 * demo is loaded. Days are UTC calendar days, as the database sessions see them; business hours are
 * Beijing's 08:00–18:00, which is 00:00–10:00 UTC and so never crosses a UTC midnight.
 */
export class DemoClock {
  readonly now: Date;
  private readonly todayStart: number;

  constructor(loadedAt: Date = new Date()) {
    this.todayStart = Date.UTC(loadedAt.getUTCFullYear(), loadedAt.getUTCMonth(), loadedAt.getUTCDate());
    // The demo is the company as it stood when today began, so two loads on one day are identical to
    // the row: a "now" that moved on by a few seconds would let another order fall into the past.
    this.now = new Date(this.todayStart);
  }

  /** A moment `daysAgo` days before today, `hourOfDay` (0–10) hours into the Beijing business day; never after now. */
  businessMoment(daysAgo: number, hourOfDay: number): Date {
    return this.notAfterNow(this.todayStart - daysAgo * DAY_MS + hourOfDay * HOUR_MS);
  }

  /** 18:00 Beijing time `daysFromToday` days from today, in the past or the future: when a task falls due. */
  closeOfBusiness(daysFromToday: number): Date {
    return new Date(this.todayStart + daysFromToday * DAY_MS + 10 * HOUR_MS);
  }

  /** `hours` after `from`, but never after now: what has not happened yet is not in the demo. */
  later(from: Date, hours: number): Date {
    return this.notAfterNow(from.getTime() + hours * HOUR_MS);
  }

  /** `hours` after `from`, in the future if it falls there (due dates, planned deliveries). */
  plusHours(from: Date, hours: number): Date {
    return new Date(from.getTime() + hours * HOUR_MS);
  }

  isPast(moment: Date): boolean {
    return moment.getTime() <= this.now.getTime();
  }

  /** Whole days from `moment` until today (0 for today). */
  daysAgo(moment: Date): number {
    return Math.round((this.todayStart - Math.floor(moment.getTime() / DAY_MS) * DAY_MS) / DAY_MS);
  }

  /** The calendar day of a moment, as a DATE column holds it. */
  day(moment: Date): string {
    return moment.toISOString().slice(0, 10);
  }

  /** The calendar day `offset` days from today (negative: in the past). */
  dayFromToday(offset: number): string {
    return this.day(new Date(this.todayStart + offset * DAY_MS));
  }

  private notAfterNow(time: number): Date {
    return new Date(Math.min(time, this.now.getTime()));
  }
}

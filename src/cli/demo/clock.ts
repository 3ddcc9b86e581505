import { addDays, daysBetween, type CalendarDay } from '../../clock/calendar-day.js';
import { businessDayOf, businessToday, startOfBusinessDay } from '../../clock/business-clock.js';

const HOUR_MS = 3600 * 1000;
/** The business day's hours are 08:00–18:00 on the business clock. */
const OPENING_HOUR = 8;
const CLOSING_HOUR = 18;

/**
 * Demo dates are "so many days before the load", so this month always has orders whichever day the
 * demo is loaded. Days are business days (BUSINESS_TIME_ZONE), as the panel counts them: loaded at
 * 07:30 in Beijing on the 1st, this month is the new one and already has its orders.
 */
export class DemoClock {
  readonly now: Date;
  private readonly today: CalendarDay;

  constructor(loadedAt: Date = new Date()) {
    this.today = businessToday(loadedAt);
    // The demo is the company as it stood when today began, so two loads on one day are identical to
    // the row: a "now" that moved on by a few seconds would let another order fall into the past.
    this.now = startOfBusinessDay(this.today);
  }

  /** A moment `daysAgo` days before today, `hourOfDay` (0–10) hours into the business day; never after now. */
  businessMoment(daysAgo: number, hourOfDay: number): Date {
    return this.notAfterNow(this.hourOf(addDays(this.today, -daysAgo), OPENING_HOUR + hourOfDay));
  }

  /** Closing time `daysFromToday` days from today, in the past or the future: when a task falls due. */
  closeOfBusiness(daysFromToday: number): Date {
    return this.hourOf(addDays(this.today, daysFromToday), CLOSING_HOUR);
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

  /** Whole business days from `moment` until today (0 for today). */
  daysAgo(moment: Date): number {
    return daysBetween(businessDayOf(moment), this.today);
  }

  /** The business day of a moment, as a DATE column holds it. */
  day(moment: Date): string {
    return businessDayOf(moment);
  }

  /** The business day `offset` days from today (negative: in the past). */
  dayFromToday(offset: number): string {
    return addDays(this.today, offset);
  }

  private hourOf(day: CalendarDay, hour: number): Date {
    return new Date(startOfBusinessDay(day).getTime() + hour * HOUR_MS);
  }

  private notAfterNow(time: number | Date): Date {
    return new Date(Math.min(Number(time), this.now.getTime()));
  }
}

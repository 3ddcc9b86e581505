import { addDays } from '../../clock/calendar-day.js';
import { businessDayOf, businessTimeOn } from '../../clock/business-clock.js';

/** 'HH:MM' on a 24-hour clock, as ANALYSIS_SCHEDULE gives it. */
export const DAILY_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

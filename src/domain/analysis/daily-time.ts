/** 'HH:MM' on a 24-hour clock, as ANALYSIS_SCHEDULE gives it. */
export const DAILY_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

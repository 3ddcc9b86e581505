import React from 'react';
import { Box, DatePicker } from '@adminjs/design-system';
import zhCN from 'date-fns/locale/zh-CN/index.js';
import { isCalendarDay } from '../../../src/clock/calendar-day.js';
import { businessTimeOn, wallClock } from '../../../src/clock/business-clock.js';

/**
 * AdminJS's date picker (react-datepicker), made to work in days and on the business clock:
 * - a date field is a calendar day ('2026-11-20'), shown and picked as that day whatever the
 *   browser's time zone (AdminJS turned it into the browser's midnight and sent that instant, so
 *   the 20th picked in Beijing arrived as the 19th);
 * - a time is shown and typed as the business clock's wall-clock time and sent as the instant it is;
 * - in Chinese: 2026年12月, 日一二三四五六, and no English left in what it renders.
 * The picker itself works with the browser's local dates, so a day or a wall-clock time crosses it
 * as a local date with the same fields, and back.
 */
export interface CalendarPickerProps {
  /** 'date': a day 'YYYY-MM-DD'; 'datetime': an instant (ISO text). */
  kind: 'date' | 'datetime';
  value: string | null | undefined;
  onChange: (value: string) => void;
  language: string;
  disabled?: boolean;
  id?: string;
}

const CHINESE = {
  locale: zhCN,
  // date-fns starts the Chinese week on Monday; the wall calendars staff read start it on Sunday (日一二三四五六).
  calendarStartDay: 0,
  dateFormatCalendar: 'yyyy年M月',
  previousMonthButtonLabel: '上个月',
  nextMonthButtonLabel: '下个月',
  previousMonthAriaLabel: '上个月',
  nextMonthAriaLabel: '下个月',
  previousYearButtonLabel: '上一年',
  nextYearButtonLabel: '下一年',
  previousYearAriaLabel: '上一年',
  nextYearAriaLabel: '下一年',
  chooseDayAriaLabelPrefix: '选择',
  disabledDayAriaLabelPrefix: '不可选',
  weekAriaLabelPrefix: '第',
  monthAriaLabelPrefix: '月份',
  timeInputLabel: '时间',
  timeCaption: '时间',
  ariaLabelClose: '关闭',
};

// react-datepicker announces a choice in English ("Selected date: …"); a Chinese announcement replaces it.
const HIDE_ENGLISH_ANNOUNCEMENT = '.react-datepicker__aria-live { display: none; }';
const VISUALLY_HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

export const CalendarPicker: React.FC<CalendarPickerProps> = ({ kind, value, onChange, language, disabled, id }) => {
  const chinese = language.startsWith('zh');
  const shown = kind === 'date' ? localDateOfDay(value) : localDateOfInstant(value);
  const format = kind === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm';
  const mask = kind === 'date' ? DAY_MASK : [...DAY_MASK, ' ', /\d/, /\d/, ':', /\d/, /\d/];
  const placeholder = chinese ? (kind === 'date' ? '年-月-日' : '年-月-日 时:分') : kind === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm';
  const change = (picked: string | null) => {
    const local = picked ? new Date(picked) : null;
    if (!local || Number.isNaN(local.getTime())) return onChange('');
    onChange(kind === 'date' ? dayOfLocalDate(local) : businessTimeOn(dayOfLocalDate(local), timeOfLocalDate(local)).toISOString());
  };
  return (
    <Box>
      <style>{HIDE_ENGLISH_ANNOUNCEMENT}</style>
      <DatePicker
        id={id}
        value={shown ?? undefined}
        disabled={disabled}
        propertyType={kind}
        onChange={change}
        dateFormat={format}
        placeholderText={placeholder}
        inputMask={{ mask: mask.map((part) => (typeof part === 'string' ? part : { regex: part.source, raw: undefined })) }}
        {...(chinese ? CHINESE : {})}
      />
      {chinese && shown && <span role="status" aria-live="polite" style={VISUALLY_HIDDEN}>{`已选择 ${value && kind === 'date' ? value : dayOfLocalDate(shown)}`}</span>}
    </Box>
  );
};

const DAY_MASK: Array<string | RegExp> = [/\d/, /\d/, /\d/, /\d/, '-', /\d/, /\d/, '-', /\d/, /\d/];

/** The browser's midnight of a calendar day: the picker then shows that very day. */
function localDateOfDay(day: string | null | undefined): Date | null {
  const text = day ? day.slice(0, 10) : '';
  if (!isCalendarDay(text)) return null;
  const [year, month, date] = text.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** A local date whose fields are the business clock's wall-clock time of the instant. */
function localDateOfInstant(instant: string | null | undefined): Date | null {
  const moment = instant ? new Date(instant) : null;
  if (!moment || Number.isNaN(moment.getTime())) return null;
  const clock = wallClock(moment);
  return new Date(Number(clock.year), Number(clock.month) - 1, Number(clock.day), Number(clock.hour), Number(clock.minute));
}

function dayOfLocalDate(local: Date): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

function timeOfLocalDate(local: Date): string {
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
}

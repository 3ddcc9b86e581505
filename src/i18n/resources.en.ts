import type { LocaleTranslations } from 'adminjs';

/** Resource names, field labels and enum values in English, keyed by resource id (table name). */
export const resourcesEn: NonNullable<LocaleTranslations['resources']> = {};

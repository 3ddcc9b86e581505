import type { LocaleTranslations } from 'adminjs';

/** Resource names, field labels and enum values in Chinese, keyed by resource id (table name). */
export const resourcesZhCN: NonNullable<LocaleTranslations['resources']> = {};

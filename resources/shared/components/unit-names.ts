import { useTranslation } from 'adminjs';

type Options = Record<string, unknown> | undefined;

/**
 * A notice's or refusal's values with the quantity's unit code ({{unit}}: ton, kg …) worded as the
 * lists word it (吨, 千克), as src/i18n/translate.ts does on the server.
 */
export function useUnitNames(): (options: Options) => Options {
  const { translateLabel } = useTranslation();
  return (options) => {
    const unit = options?.unit;
    if (typeof unit !== 'string') return options;
    const name = translateLabel(`unit.${unit}`, 'products', { defaultValue: '' });
    return name ? { ...options, unit: name } : options;
  };
}

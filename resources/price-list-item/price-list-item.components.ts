import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const PriceListItemComponents = {
  RateValue: componentLoader.add('RateValue', path.join(import.meta.dirname, 'components', 'rate-value.tsx')),
};

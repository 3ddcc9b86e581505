import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const SalesTargetComponents = {
  MonthEdit: componentLoader.add('MonthEdit', path.join(import.meta.dirname, 'components', 'month-edit.tsx')),
  MonthValue: componentLoader.add('MonthValue', path.join(import.meta.dirname, 'components', 'month-value.tsx')),
};

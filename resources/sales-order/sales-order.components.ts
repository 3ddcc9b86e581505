import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const SalesOrderComponents = {
  AmendOrder: componentLoader.add('AmendOrder', path.join(import.meta.dirname, 'components', 'amend-order.tsx')),
  OrderEntry: componentLoader.add('OrderEntry', path.join(import.meta.dirname, 'components', 'order-entry.tsx')),
};

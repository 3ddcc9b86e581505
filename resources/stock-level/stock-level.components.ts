import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const LOW_STOCK_LIST = componentLoader.add('LowStockList', path.join(import.meta.dirname, 'components', 'low-stock-list.tsx'));

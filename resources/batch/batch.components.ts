import path from 'node:path';
import { componentLoader } from '../component-loader.js';

/** The trace of a batch: its certificate of analysis and the customers it went to. */
export const BatchComponents = {
  BatchTrace: componentLoader.add('BatchTrace', path.join(import.meta.dirname, 'components', 'batch-trace.tsx')),
};

import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const Components = {
  PermissionMatrix: componentLoader.add('PermissionMatrix', path.join(import.meta.dirname, 'components', 'permission-matrix.tsx')),
};

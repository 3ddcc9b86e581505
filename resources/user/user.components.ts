import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const Components = {
  ChangeOwnPassword: componentLoader.add('ChangeOwnPassword', path.join(import.meta.dirname, 'components', 'change-own-password.tsx')),
};

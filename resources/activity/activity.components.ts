import path from 'node:path';
import { componentLoader } from '../component-loader.js';

export const MY_OPEN_TASKS = componentLoader.add('MyOpenTasks', path.join(import.meta.dirname, 'components', 'my-open-tasks.tsx'));

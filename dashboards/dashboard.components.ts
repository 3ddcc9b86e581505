import path from 'node:path';
import { componentLoader } from '../resources/component-loader.js';

/** The statistics page, bundled by AdminJS with Chart.js inside. */
export const DASHBOARD_COMPONENT = componentLoader.add('PetroDashboard', path.join(import.meta.dirname, 'components', 'dashboard-page.tsx'));

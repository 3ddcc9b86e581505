import path from 'node:path';
import { componentLoader } from '../component-loader.js';

/** The two screens every workflow action of the service and marketing resources is built from. */
export const WorkflowComponents = {
  WorkflowForm: componentLoader.add('WorkflowForm', path.join(import.meta.dirname, 'components', 'workflow-form.tsx')),
  WorkflowTable: componentLoader.add('WorkflowTable', path.join(import.meta.dirname, 'components', 'workflow-table.tsx')),
};

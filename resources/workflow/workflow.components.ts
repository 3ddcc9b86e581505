import path from 'node:path';
import { componentLoader } from '../component-loader.js';

/** The two screens every workflow action is built from: a form (or a confirmation) and a list. */
export const WorkflowComponents = {
  WorkflowForm: componentLoader.add('WorkflowForm', path.join(import.meta.dirname, 'components', 'workflow-form.tsx')),
  WorkflowTable: componentLoader.add('WorkflowTable', path.join(import.meta.dirname, 'components', 'workflow-table.tsx')),
};

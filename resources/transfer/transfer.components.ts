import path from 'node:path';
import { componentLoader } from '../component-loader.js';

const component = (file: string) => path.join(import.meta.dirname, 'components', file);

export const TransferComponents = {
  ExportList: componentLoader.add('ExportList', component('export-list.tsx')),
  ImportFile: componentLoader.add('ImportFile', component('import-file.tsx')),
};

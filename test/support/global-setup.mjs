// Jest loads global setup outside its module system, where our ESM TypeScript with `.js` import
// specifiers cannot be required; tsx loads it the way `npm start` does.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestPostgres } = await tsImport('./start-test-postgres.ts', import.meta.url);
  await startTestPostgres();
}

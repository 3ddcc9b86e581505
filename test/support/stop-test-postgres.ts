import fs from 'node:fs';
import type { EmbeddedDatabase } from '../../src/db/embedded-postgres.js';

export async function stopTestPostgres(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__petrocrmTest as { server: EmbeddedDatabase; root: string } | undefined;
  if (!state) return;
  await state.server.stop();
  fs.rmSync(state.root, { recursive: true, force: true });
}

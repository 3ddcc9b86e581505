import type { FormPayload } from '../workflow/form-payload.js';

/**
 * An order screen's lines, sent as one JSON text field (a form's fields are flat). Text that is no
 * JSON is handed on as it is, for the domain to refuse next to the lines.
 */
export function linesOf(payload: FormPayload): unknown {
  const sent = payload.value('lines');
  if (typeof sent !== 'string') return sent;
  try {
    return JSON.parse(sent) as unknown;
  } catch {
    return sent;
  }
}

import { ApiClient, type ActionResponse } from 'adminjs';

/** A record offered in a select: its id and its title. */
export interface Choice {
  value: string;
  label: string;
}

const api = new ApiClient();

/** The records of a resource whose title matches what the user typed, as the select offers them. */
export async function searchChoices(resourceId: string, query: string): Promise<Choice[]> {
  const records = await api.searchRecords({ resourceId, query });
  return records.map((found) => ({ value: String(found.id), label: found.title }));
}

/** A record already chosen (prefilled from the query string), with the title the select shows. */
export async function choiceOf(resourceId: string, recordId: string): Promise<Choice | null> {
  const response = await api.recordAction({ resourceId, recordId, actionName: 'show' });
  const found = (response.data as ActionResponse).record;
  return found ? { value: recordId, label: found.title } : null;
}
